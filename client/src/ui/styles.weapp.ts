// The weapp build's styles around @vant/weapp, loaded once from app.tsx.
import './ui.weapp.scss';

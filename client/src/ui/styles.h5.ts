// The browser build's styles for the UI layer, loaded once from app.tsx.
import './ui.h5.scss';
import './navbar.h5.scss';

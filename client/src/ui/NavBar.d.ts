// Resolved per platform: NavBar.h5.tsx (the browser shows no navigation bar of its own) and
// NavBar.weapp.tsx (WeChat's own bar has back, and home when a page was opened directly).
import type { NavBarProps } from './ui.types';

export declare function NavBar(props: NavBarProps): JSX.Element | null;

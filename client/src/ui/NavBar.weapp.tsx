import type { NavBarProps } from './ui.types';

/** WeChat draws back and home itself in its navigation bar: nothing to add. */
export function NavBar(_props: NavBarProps): null {
  return null;
}

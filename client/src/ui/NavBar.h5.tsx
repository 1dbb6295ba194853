import type { NavBarProps } from './ui.types';

/**
 * The browser build's way back and home: Taro's H5 navigation bar stays hidden (its icons are
 * small, unlabelled divs), so every page but home carries these two plain buttons at the top.
 */
export function NavBar({ canGoBack, onBack, onHome }: NavBarProps) {
  return (
    <nav className='ui-navbar' aria-label='页面导航'>
      {canGoBack ? (
        <button type='button' className='ui-navbar__button' onClick={onBack}>
          ‹ 返回
        </button>
      ) : null}
      <button type='button' className='ui-navbar__button' onClick={onHome}>
        首页
      </button>
    </nav>
  );
}

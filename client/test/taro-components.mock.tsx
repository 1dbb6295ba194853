/**
 * A small stand-in for @tarojs/components in jest (jsdom): each component becomes the HTML element
 * Taro's H5 build renders, and Taro's aria props become real ARIA attributes so tests can query
 * by role and name.
 */
import { createElement, type ReactNode } from 'react';

type MockProps = {
  children?: ReactNode;
  className?: string;
  style?: Record<string, string | number>;
  onClick?: (event: unknown) => void;
  ariaRole?: string;
  ariaLabel?: string;
  hoverClass?: string;
  name?: string;
  [key: string]: unknown;
};

function mockComponent(tag: string, displayName: string) {
  function Component({ children, className, style, onClick, ariaRole, ariaLabel }: MockProps) {
    return createElement(tag, { className, style, onClick, role: ariaRole, 'aria-label': ariaLabel }, children);
  }
  Component.displayName = displayName;
  return Component;
}

export const View = mockComponent('div', 'View');
export const Text = mockComponent('span', 'Text');
export const Slot = mockComponent('div', 'Slot');
export const Block = ({ children }: { children?: ReactNode }) => children ?? null;

// volunteer — staff: the check-in QR is an <Image> of a data URL; as in Taro's H5 build, nativeProps reach the <img>.
export function Image({ src, className, nativeProps }: MockProps & { src?: string; nativeProps?: { alt?: string } }) {
  return createElement('img', { src, className, alt: nativeProps?.alt });
}

/**
 * The @vant/weapp custom components the weapp UI layer renders as intrinsic tags. Only the attributes
 * we use are declared; names are the kebab-case WXML attribute names vant expects. Events arrive as
 * the mini-program event object, whose `detail` carries the value.
 */
import type { CSSProperties, ReactNode } from 'react';

type VantEvent<T> = { detail: T };

type VantBase = {
  children?: ReactNode;
  id?: string;
  className?: string;
  style?: CSSProperties | string;
  slot?: string;
  'custom-class'?: string;
  'custom-style'?: string;
};

declare global {
  namespace JSX {
    interface IntrinsicElements {
      'van-button': VantBase & {
        type?: 'default' | 'primary' | 'info' | 'warning' | 'danger';
        size?: 'normal' | 'large' | 'small' | 'mini';
        block?: boolean;
        round?: boolean;
        plain?: boolean;
        disabled?: boolean;
        loading?: boolean;
        'loading-text'?: string;
        icon?: string;
        'form-type'?: 'submit' | 'reset';
        'open-type'?: string;
        'aria-label'?: string;
        onClick?: (event: VantEvent<unknown>) => void;
      };
      'van-cell': VantBase & {
        title?: string;
        value?: string;
        label?: string;
        'is-link'?: boolean;
        clickable?: boolean;
        border?: boolean;
        center?: boolean;
        'title-class'?: string;
        'label-class'?: string;
        'value-class'?: string;
        onClick?: (event: VantEvent<unknown>) => void;
      };
      'van-field': VantBase & {
        label?: string;
        value?: string;
        type?: 'text' | 'number' | 'idcard' | 'digit' | 'nickname' | 'textarea';
        /** Hides what is typed (vant's field: a password input). */
        password?: boolean;
        placeholder?: string;
        maxlength?: number;
        disabled?: boolean;
        required?: boolean;
        clearable?: boolean;
        border?: boolean;
        autosize?: boolean;
        error?: boolean;
        'error-message'?: string;
        'label-class'?: string;
        'input-class'?: string;
        'aria-label'?: string;
        onChange?: (event: VantEvent<string>) => void;
        onBlur?: (event: VantEvent<{ value: string }>) => void;
      };
      'van-switch': VantBase & {
        checked?: boolean;
        disabled?: boolean;
        loading?: boolean;
        size?: string;
        onChange?: (event: VantEvent<boolean>) => void;
      };
      'van-tag': VantBase & {
        type?: 'default' | 'primary' | 'success' | 'danger' | 'warning';
        size?: 'medium' | 'large';
        plain?: boolean;
        round?: boolean;
      };
      'van-empty': VantBase & {
        image?: string;
        description?: string;
      };
      'van-loading': VantBase & {
        type?: 'circular' | 'spinner';
        size?: string;
        color?: string;
        vertical?: boolean;
        'text-size'?: string;
      };
    }
  }
}

export {};

import type { ReactNode } from 'react';

/** The props every platform's UI piece accepts; X.weapp.tsx and X.h5.tsx both implement them. */

export type ButtonVariant = 'primary' | 'default' | 'danger';

export type ButtonProps = {
  children: ReactNode;
  variant?: ButtonVariant;
  /** `large` is the page's one main action: full width and, in elder mode, key-text size. */
  size?: 'large' | 'normal';
  /** Fill the width of the container (large buttons always do). */
  block?: boolean;
  disabled?: boolean;
  loading?: boolean;
  /**
   * Read by screen readers instead of the visible text, when that text alone is unclear. (Not named
   * ariaLabel: Taro's compiler renames aria* props at every call site.)
   */
  accessibleLabel?: string;
  onClick?: () => void;
};

export type CellProps = {
  title: string;
  /** Shown on the right, e.g. the current value. */
  value?: string;
  /** A second, smaller line under the title. */
  label?: string;
  /** Makes the whole row one tap target with an arrow. */
  onClick?: () => void;
};

export type CellGroupProps = { title?: string; children: ReactNode };

/** `password` hides what is typed; `new-password` too, and tells the browser to offer a new one. */
export type FieldType = 'text' | 'phone' | 'number' | 'password' | 'new-password';

export type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: FieldType;
  maxLength?: number;
  required?: boolean;
  disabled?: boolean;
  /** The message under the field when its value is wrong. */
  error?: string;
  /** A limit or tip shown at the field, e.g. 最多 60 字 (with a live count when maxLength is set). */
  hint?: string;
  /** Several lines of text (a note); the row grows to about four lines. */
  multiline?: boolean;
};

export type SwitchProps = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A second line explaining what the switch does. */
  description?: string;
  disabled?: boolean;
};

export type TagTone = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export type TagProps = {
  tone?: TagTone;
  /** A status or other key fact: key-text size in elder mode. */
  prominent?: boolean;
  children: string;
};

export type EmptyProps = {
  description: string;
  /** Actions under the description, e.g. a retry or login button. */
  children?: ReactNode;
};

export type LoadingProps = { text?: string };

export type ConfirmOptions = {
  title: string;
  content: string;
  confirmText?: string;
  cancelText?: string;
  /** The confirm action destroys or cancels something. */
  danger?: boolean;
};

export type TappableProps = {
  /**
   * What a screen reader announces for the whole area, when its text alone reads badly. It must
   * start with the visible text (speech users say what they see), e.g. via `spokenLabel(parts)`.
   */
  accessibleLabel?: string;
  onClick: () => void;
  className?: string;
  children: ReactNode;
};

export type NoticeProps = {
  /** `error` is announced at once by screen readers; `info` politely. */
  tone: 'error' | 'info';
  children: ReactNode;
};

export type ChoiceButtonProps = {
  /** Chosen: shown filled, announced as pressed. */
  selected?: boolean;
  disabled?: boolean;
  /** Read instead of the visible text when that alone is unclear (e.g. 下午 2:30，剩 1 位). */
  accessibleLabel?: string;
  onClick: () => void;
  className?: string;
  children: ReactNode;
};

export type PhoneCallProps = {
  /** The number as stored; spaces and dashes are dropped for dialling. */
  phone: string;
  /** Whom the call reaches, for screen readers after the visible text (e.g. 王阿姨). */
  who?: string;
};

export type NavBarProps = {
  /** There is a page to go back to (else only home is offered). */
  canGoBack: boolean;
  onBack: () => void;
  onHome: () => void;
};

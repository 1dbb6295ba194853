import type { CellGroupProps, CellProps } from './ui.types';

export function Cell({ title, value, label, onClick }: CellProps) {
  const content = (
    <>
      <span className='ui-cell__main'>
        <span className='ui-cell__title'>{title}</span>
        {label ? <span className='ui-cell__label'>{label}</span> : null}
      </span>
      {value ? <span className='ui-cell__value'>{value}</span> : null}
      {onClick ? <span className='ui-cell__arrow' aria-hidden='true'>›</span> : null}
    </>
  );
  if (!onClick) return <div className='ui-cell'>{content}</div>;
  return (
    <button type='button' className='ui-cell ui-cell--link' onClick={() => onClick()}>
      {content}
    </button>
  );
}

export function CellGroup({ title, children }: CellGroupProps) {
  return (
    <section className='ui-cell-group'>
      {title ? <h2 className='ui-cell-group__title'>{title}</h2> : null}
      <div className='ui-cell-group__body'>{children}</div>
    </section>
  );
}

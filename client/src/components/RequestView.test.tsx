import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../test/taro.mock';
import { ApiError } from '../api/api-error';
import type { RequestState } from '../hooks/use-request';
import { RequestView } from './RequestView';

function stateOf(partial: Partial<RequestState<string>>): RequestState<string> {
  return { data: undefined, error: null, loading: false, run: jest.fn(async () => undefined), ...partial };
}

beforeEach(() => resetTaroMock());

describe('RequestView: never a blank page', () => {
  it('shows that it is loading before the data arrives', () => {
    render(<RequestView state={stateOf({ loading: true })}>{(data) => data}</RequestView>);

    expect(screen.getByRole('status').textContent).toContain('正在加载');
  });

  it('shows the data once it is there', () => {
    render(<RequestView state={stateOf({ data: '您的预约' })}>{(data) => <p>{data}</p>}</RequestView>);

    expect(screen.getByText('您的预约')).toBeTruthy();
  });

  it('on a network failure says so and offers 重试, which runs the request again', () => {
    const state = stateOf({ error: new ApiError('NETWORK') });
    render(<RequestView state={state}>{(data) => data}</RequestView>);

    expect(screen.getByRole('alert').textContent).toContain('网络连接不上，请检查网络后重试');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(state.run).toHaveBeenCalledTimes(1);
  });

  it('offers no retry for a mistake that trying again cannot fix', () => {
    render(<RequestView state={stateOf({ error: new ApiError('FORBIDDEN') })}>{(data) => data}</RequestView>);

    expect(screen.getByRole('alert').textContent).toContain('您没有权限做这件事');
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('offers a way on where trying again cannot help: home, or what the page names', () => {
    const { unmount } = render(<RequestView state={stateOf({ error: new ApiError('NOT_FOUND') })}>{(data) => data}</RequestView>);
    expect(screen.getByRole('alert').textContent).toContain('没有找到这条记录');
    fireEvent.click(screen.getByRole('button', { name: '回到首页' }));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    unmount();

    render(
      <RequestView state={stateOf({ error: new ApiError('NOT_FOUND') })} wayOn={<button type='button'>查看我的预约</button>}>
        {(data) => data}
      </RequestView>,
    );
    expect(screen.getByRole('button', { name: '查看我的预约' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '回到首页' })).toBeNull();
  });

  it('sends a signed-out person to the login page', () => {
    render(<RequestView state={stateOf({ error: new ApiError('UNAUTHENTICATED') })}>{(data) => data}</RequestView>);

    fireEvent.click(screen.getByRole('button', { name: '去登录' }));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});

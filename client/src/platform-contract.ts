/**
 * Type-level check that both platform variants of each UI piece match the declaration pages import
 * (X.d.ts). Nothing imports this file at run time; `tsc` fails here when a variant drifts.
 */
import type * as ButtonApi from './ui/Button';
import type * as ButtonH5 from './ui/Button.h5';
import type * as ButtonWeapp from './ui/Button.weapp';
import type * as CellApi from './ui/Cell';
import type * as CellH5 from './ui/Cell.h5';
import type * as CellWeapp from './ui/Cell.weapp';
import type * as ChoiceButtonApi from './ui/ChoiceButton';
import type * as ChoiceButtonH5 from './ui/ChoiceButton.h5';
import type * as ChoiceButtonWeapp from './ui/ChoiceButton.weapp';
import type * as EmptyApi from './ui/Empty';
import type * as EmptyH5 from './ui/Empty.h5';
import type * as EmptyWeapp from './ui/Empty.weapp';
import type * as FeedbackApi from './ui/feedback';
import type * as FeedbackH5 from './ui/feedback.h5';
import type * as FeedbackWeapp from './ui/feedback.weapp';
import type * as FieldApi from './ui/Field';
import type * as FieldH5 from './ui/Field.h5';
import type * as FieldWeapp from './ui/Field.weapp';
import type * as LoadingApi from './ui/Loading';
import type * as LoadingH5 from './ui/Loading.h5';
import type * as LoadingWeapp from './ui/Loading.weapp';
import type * as NavBarApi from './ui/NavBar';
import type * as NavBarH5 from './ui/NavBar.h5';
import type * as NavBarWeapp from './ui/NavBar.weapp';
import type * as NoticeApi from './ui/Notice';
import type * as NoticeH5 from './ui/Notice.h5';
import type * as NoticeWeapp from './ui/Notice.weapp';
import type * as PhoneCallApi from './ui/PhoneCall';
import type * as PhoneCallH5 from './ui/PhoneCall.h5';
import type * as PhoneCallWeapp from './ui/PhoneCall.weapp';
import type * as ScrollApi from './ui/scroll';
import type * as ScrollH5 from './ui/scroll.h5';
import type * as ScrollWeapp from './ui/scroll.weapp';
import type * as SwitchApi from './ui/Switch';
import type * as SwitchH5 from './ui/Switch.h5';
import type * as SwitchWeapp from './ui/Switch.weapp';
import type * as TagApi from './ui/Tag';
import type * as TagH5 from './ui/Tag.h5';
import type * as TagWeapp from './ui/Tag.weapp';
import type * as TappableApi from './ui/Tappable';
import type * as TappableH5 from './ui/Tappable.h5';
import type * as TappableWeapp from './ui/Tappable.weapp';
import type * as TransportApi from './api/transport';
import type * as TransportH5 from './api/transport.h5';
import type * as TransportWeapp from './api/transport.weapp';

type Implements<Api, Impl extends Api> = Impl;

export type PlatformContract = [
  Implements<typeof ButtonApi, typeof ButtonH5>,
  Implements<typeof ButtonApi, typeof ButtonWeapp>,
  Implements<typeof CellApi, typeof CellH5>,
  Implements<typeof CellApi, typeof CellWeapp>,
  Implements<typeof ChoiceButtonApi, typeof ChoiceButtonH5>,
  Implements<typeof ChoiceButtonApi, typeof ChoiceButtonWeapp>,
  Implements<typeof EmptyApi, typeof EmptyH5>,
  Implements<typeof EmptyApi, typeof EmptyWeapp>,
  Implements<typeof FeedbackApi, typeof FeedbackH5>,
  Implements<typeof FeedbackApi, typeof FeedbackWeapp>,
  Implements<typeof FieldApi, typeof FieldH5>,
  Implements<typeof FieldApi, typeof FieldWeapp>,
  Implements<typeof LoadingApi, typeof LoadingH5>,
  Implements<typeof LoadingApi, typeof LoadingWeapp>,
  Implements<typeof NavBarApi, typeof NavBarH5>,
  Implements<typeof NavBarApi, typeof NavBarWeapp>,
  Implements<typeof NoticeApi, typeof NoticeH5>,
  Implements<typeof NoticeApi, typeof NoticeWeapp>,
  Implements<typeof PhoneCallApi, typeof PhoneCallH5>,
  Implements<typeof PhoneCallApi, typeof PhoneCallWeapp>,
  Implements<typeof ScrollApi, typeof ScrollH5>,
  Implements<typeof ScrollApi, typeof ScrollWeapp>,
  Implements<typeof SwitchApi, typeof SwitchH5>,
  Implements<typeof SwitchApi, typeof SwitchWeapp>,
  Implements<typeof TagApi, typeof TagH5>,
  Implements<typeof TagApi, typeof TagWeapp>,
  Implements<typeof TappableApi, typeof TappableH5>,
  Implements<typeof TappableApi, typeof TappableWeapp>,
  Implements<typeof TransportApi, typeof TransportH5>,
  Implements<typeof TransportApi, typeof TransportWeapp>,
];

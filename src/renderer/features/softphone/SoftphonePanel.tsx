// Placeholder so the app frame builds; the softphone feature replaces this file.
import { AreaNotAvailableYet } from '../../app/AreaNotAvailableYet';

export function SoftphonePanel() {
  return <AreaNotAvailableYet />;
}

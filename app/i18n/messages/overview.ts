/** The overview (Ringkasan) page's messages: owned by the overview/charts work. */
import { defineMessages } from '../define';

export default defineMessages({
  id: {},
  en: {},
});

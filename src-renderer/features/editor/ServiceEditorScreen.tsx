import { observer } from 'mobx-react-lite';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { HistoryPanel } from '../history/HistoryPanel';
import { useTranslate } from '../../ui/use-translate';
import { ChannelsSection } from './ChannelsSection';
import { DocumentsSection } from './DocumentsSection';
import { EditorHeader } from './EditorHeader';
import { ErrorSummary } from './ErrorSummary';
import { GeneralSections } from './GeneralSections';
import { LegalActsSection } from './LegalActsSection';
import { OutcomeSections, RecourseSections } from './OutcomeSections';

/** Every field of a service record, saved as it is typed, with submit and withdraw. */
export const ServiceEditorScreen = observer(function ServiceEditorScreen() {
  const { editor, navigation } = useStores();
  const { t } = useTranslate();

  const handleBack = () => navigation.go({ screen: 'services' });

  if (editor.isLoading) return <p role="status">{t('common.loading')}</p>;
  if (editor.loadError || !editor.detail) {
    return (
      <section className="screen">
        <ErrorNotice error={editor.loadError} />
        <button type="button" onClick={handleBack}>
          {t('editor.back')}
        </button>
      </section>
    );
  }
  return (
    <article className="screen editor" aria-labelledby="editor-title">
      <EditorHeader />
      <ErrorSummary />
      <form
        className="editor-form"
        onSubmit={(event) => event.preventDefault()}
        noValidate
      >
        <GeneralSections />
        <LegalActsSection />
        <ChannelsSection />
        <OutcomeSections />
        <DocumentsSection />
        <RecourseSections />
      </form>
      <HistoryPanel serviceId={editor.detail.service.id} />
    </article>
  );
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceField, ServiceRecord } from '../../shared/domain/service-record';
import { serviceRecordSchema } from '../../shared/domain/service-record';
import { RecordingApi } from '../test-support/recording-api';
import { SERVICE_ID, serviceDetail } from '../test-support/service-detail';
import { SAVE_DELAY_MS } from './draft-saver';
import { ServiceEditorStore } from './service-editor-store';

const categories = new Set(['economy', 'social']);

/** Main as far as the editor sees it: keeps the draft and answers with it, trimmed. */
function editorWithMain(
  initial: Partial<ServiceRecord> = {},
  status: 'draft' | 'returned' | 'submitted' = 'draft',
) {
  let draft = serviceRecordSchema.parse(initial);
  // Raw values main keeps for fields it could not save, as its local store would.
  const held = new Map<ServiceField, ServiceRecord[ServiceField]>();
  const detail = () => ({
    ...serviceDetail(draft, status),
    heldInputs: [...held].map(([field, raw]) => ({ field, raw })),
  });
  const api = new RecordingApi({
    'services.get': () => Promise.resolve(detail()),
    'services.saveDraft': ({ record }) => {
      draft = serviceRecordSchema.parse({ ...draft, ...record });
      for (const field of Object.keys(record)) held.delete(field as ServiceField);
      return Promise.resolve(detail());
    },
    'services.saveHeldInput': ({ field, raw }) => {
      held.set(field, raw as ServiceRecord[ServiceField]);
      return Promise.resolve({ ok: true as const });
    },
    'services.submit': () => Promise.resolve(serviceDetail(draft, 'submitted')),
  });
  const editor = new ServiceEditorStore(api, () => categories);
  return {
    api,
    editor,
    held,
    /** The same main seen by a fresh editor, as after the app restarts. */
    reopenedEditor: () => new ServiceEditorStore(api, () => categories),
    mainDraft: () => draft,
    setMainDraft: (next: Partial<ServiceRecord>) => {
      draft = serviceRecordSchema.parse({ ...draft, ...next });
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('validation as the user types', () => {
  it('names the description and why as soon as it is typed too short', async () => {
    const { editor } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.setField('description', 'Qısa');

    expect(editor.errorsAt('description')).toEqual([
      'Describe the service in at least 20 characters',
    ]);
    expect(editor.errorsAt('categories')).toEqual([]);
  });

  it('names a malformed e-mail under contact.email with the schema’s reason', async () => {
    const { editor } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.patchObject('contact', { email: 'ad@' });

    const errors = editor.errors.filter((error) => error.path === 'contact.email');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).not.toBe('');
  });

  it('shows every missing field, each by its path, once the user tries to submit', async () => {
    const { editor, api } = editorWithMain();
    await editor.open(SERVICE_ID);

    await editor.submit();

    const paths = editor.errors.map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'description',
        'categories',
        'audiences',
        'legalActs',
        'channels',
        'processingTime.value',
        'result.name',
      ]),
    );
    expect(api.callsOf('services.submit')).toEqual([]);
  });

  it('ties a document fetched by the agency without a source system to that document', async () => {
    const { editor } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.addItem('documents');
    editor.patchItem('documents', 0, {
      name: 'Şəxsiyyət vəsiqəsi',
      isFetchedByAgency: true,
    });

    expect(editor.errorsAt('documents.0.sourceSystem')).toEqual([
      'Say which system the agency fetches it from',
    ]);
  });
});

describe('saving the draft as the user types', () => {
  it('sends a changed field once the typing pauses for the save delay', async () => {
    const { editor, api } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.setField('description', 'Ə');
    editor.setField('description', 'Əm');
    editor.setField('description', 'Əmək');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(api.callsOf('services.saveDraft')).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    expect(api.callsOf('services.saveDraft')).toEqual([
      { serviceId: SERVICE_ID, record: { description: 'Əmək' } },
    ]);
    expect(editor.saver.hasUnsavedChanges).toBe(false);
  });

  it('sends at once on flush (blur, leaving the editor) without waiting for the pause', async () => {
    const { editor, api, mainDraft } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.setField('complaintProcedure', 'Şikayət VXSİDA-ya verilir');
    await editor.flush();

    expect(api.callsOf('services.saveDraft')).toHaveLength(1);
    expect(mainDraft().complaintProcedure).toBe('Şikayət VXSİDA-ya verilir');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(api.callsOf('services.saveDraft')).toHaveLength(1);
  });

  it('keeps a field typed while its save was on the way unsaved and sends it next', async () => {
    const { editor, mainDraft } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.setField('description', 'Birinci');
    const firstSave = editor.flush();
    editor.setField('description', 'Birinci və ikinci');
    await firstSave;
    expect(editor.saver.dirty.has('description')).toBe(true);

    await editor.flush();
    expect(mainDraft().description).toBe('Birinci və ikinci');
    expect(editor.saver.hasUnsavedChanges).toBe(false);
  });

  it('holds back a malformed field but still saves the valid ones', async () => {
    const { editor, api } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.patchObject('contact', { email: 'not-an-email' });
    editor.setField('kind', 'permit');
    await editor.flush();

    expect(api.callsOf('services.saveDraft')).toEqual([
      { serviceId: SERVICE_ID, record: { kind: 'permit' } },
    ]);
    expect(editor.saver.heldBack).toEqual(['contact']);
    expect(editor.saveLabel.key).toBe('editor.save.heldBack');
  });

  it('keeps what is on screen when main answers with its trimmed copy', async () => {
    const { editor } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.setField('description', 'İşsizlik müavinəti ');
    await editor.flush();

    expect(editor.record.description).toBe('İşsizlik müavinəti ');
  });

  it('takes a field that changed in main (a pull) but not one the user is editing', async () => {
    const { editor, api, setMainDraft } = editorWithMain({ description: 'Köhnə' });
    const stop = editor.start();
    await editor.open(SERVICE_ID);

    editor.setField('description', 'Yazılır');
    setMainDraft({ complaintProcedure: 'Serverdən gələn', description: 'Serverdən' });
    api.emit('data.changed', { entities: ['service'] });
    await vi.advanceTimersByTimeAsync(0);

    expect(editor.record.complaintProcedure).toBe('Serverdən gələn');
    expect(editor.record.description).toBe('Yazılır');
    stop();
  });
});

describe('input main cannot save yet', () => {
  it('hands a malformed e-mail to main as held input once, and saves the valid fields', async () => {
    const { editor, api, held } = editorWithMain();
    await editor.open(SERVICE_ID);

    editor.patchObject('contact', { email: 'ad@' });
    editor.setField('kind', 'permit');
    await editor.flush();
    editor.setField('kind', 'licence');
    await editor.flush();

    expect(api.callsOf('services.saveHeldInput')).toEqual([
      {
        serviceId: SERVICE_ID,
        field: 'contact',
        raw: { phone: '', email: 'ad@', address: '', website: '' },
      },
    ]);
    expect(held.get('contact')).toMatchObject({ email: 'ad@' });
    expect(api.callsOf('services.saveDraft')).toHaveLength(2);
  });

  it('brings the held text back on reopen, marked with the field’s error', async () => {
    const { editor, reopenedEditor } = editorWithMain({
      contact: { phone: '012', email: '', address: '', website: '' },
    });
    await editor.open(SERVICE_ID);
    editor.patchObject('contact', { email: 'ad@' });
    await editor.flush();

    const reopened = reopenedEditor();
    await reopened.open(SERVICE_ID);

    expect(reopened.record.contact).toMatchObject({ phone: '012', email: 'ad@' });
    expect(reopened.errorsAt('contact.email')).toHaveLength(1);
    expect(reopened.saveLabel.key).toBe('editor.save.heldBack');
  });

  it('saves the field once it is fixed, and main forgets what it held', async () => {
    const { editor, reopenedEditor, held, mainDraft } = editorWithMain();
    await editor.open(SERVICE_ID);
    editor.patchObject('contact', { email: 'ad@' });
    await editor.flush();
    const reopened = reopenedEditor();
    await reopened.open(SERVICE_ID);

    reopened.patchObject('contact', { email: 'ad@mlspp.gov.az' });
    await reopened.flush();

    expect(mainDraft().contact.email).toBe('ad@mlspp.gov.az');
    expect(held.size).toBe(0);
    expect(reopened.saver.hasUnsavedChanges).toBe(false);
  });

  it('does not put held input into a submitted service, which the user cannot edit', async () => {
    const { editor, held } = editorWithMain(
      { contact: { phone: '', email: 'ad@mlspp.gov.az', address: '', website: '' } },
      'submitted',
    );
    held.set('contact', { phone: '', email: 'ad@', address: '', website: '' });

    await editor.open(SERVICE_ID);

    expect(editor.record.contact.email).toBe('ad@mlspp.gov.az');
    expect(editor.saver.hasUnsavedChanges).toBe(false);
  });

  it('leaves out a held value whose shape is not the field’s', async () => {
    const { editor, held } = editorWithMain({ description: 'Saxlanılmış təsvir' });
    held.set('description', 12);

    await editor.open(SERVICE_ID);

    expect(editor.record.description).toBe('Saxlanılmış təsvir');
  });
});

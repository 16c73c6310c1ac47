import { observer } from 'mobx-react-lite';
import type { EvaluationSheet } from '../../../shared/contract/evaluation-views';
import type { AnswerValue } from '../../../shared/index/campaign';
import type { SubCriterion } from '../../../shared/index/methodology';
import { useStores } from '../../app/stores-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useTranslate } from '../../ui/use-translate';

/** Every sub-criterion of the methodology with this evaluator's answer and the others'. */
export const ScoringSheet = observer(function ScoringSheet({
  sheet,
}: {
  sheet: EvaluationSheet;
}) {
  const { evaluation } = useStores();
  const { t, language } = useTranslate();
  const percentOf = (code: string) =>
    sheet.result.perParameter.find((parameter) => parameter.code === code)?.percent;

  return (
    <article aria-labelledby="sheet-title" className="scoring-sheet">
      <header>
        <h2 id="sheet-title">{sheet.serviceName}</h2>
        <p className="muted">
          {sheet.agencyName} · {sheet.methodology.name[language]} (v
          {sheet.methodology.version})
        </p>
        <p role="status" className="sheet-result">
          {t('evaluation.result', { percent: sheet.result.percent.toFixed(2) })}
        </p>
      </header>
      {sheet.refusal && (
        <p className="notice notice-warn">{t(`errors.codes.${sheet.refusal.code}`)}</p>
      )}
      <ErrorNotice error={evaluation.saveError} />
      {sheet.methodology.parameters.map((parameter) => (
        <section
          key={parameter.code}
          className="card"
          aria-labelledby={`parameter-${parameter.code}`}
        >
          <h3 id={`parameter-${parameter.code}`}>
            {parameter.name[language]}{' '}
            <span className="muted">
              {percentOf(parameter.code)?.toFixed(2) ?? '0.00'} %
            </span>
          </h3>
          {parameter.criteria.map((criterion) => (
            <fieldset key={criterion.code} className="criterion">
              <legend>{criterion.name[language]}</legend>
              {criterion.subCriteria.map((sub) => (
                <SubCriterionRow
                  key={sub.code}
                  sub={sub}
                  canAnswer={sheet.refusal === null}
                />
              ))}
            </fieldset>
          ))}
        </section>
      ))}
    </article>
  );
});

const SubCriterionRow = observer(function SubCriterionRow(props: {
  sub: SubCriterion;
  canAnswer: boolean;
}) {
  const { evaluation } = useStores();
  const { t, language } = useTranslate();
  const { sub } = props;
  const item = evaluation.itemFor(sub.code);
  const value = item?.mine?.value ?? null;
  const text = evaluation.textFor(sub.code);
  const groupName = `answer-${sub.code}`;
  const disabled = !props.canAnswer || evaluation.savingCodes.has(sub.code);
  const answer = (next: AnswerValue | null) => void evaluation.answer(sub, next);

  return (
    <div className="sub-criterion" role="group" aria-label={sub.name[language]}>
      <p className="sub-criterion-name">
        {sub.name[language]}
        {item?.isDisputed && (
          <span className="badge badge-warn"> {t('evaluation.disputed')}</span>
        )}
        {item?.mine && item.mine.syncState !== 'synced' && (
          <span className="badge">
            {' '}
            {t(`evaluation.syncState.${item.mine.syncState}`)}
          </span>
        )}
      </p>
      <div className="answer-options">
        {sub.scale.kind === 'yesNo' &&
          ([true, false] as const).map((option) => (
            <label key={String(option)}>
              <input
                type="radio"
                name={groupName}
                checked={value?.kind === 'yesNo' && value.value === option}
                disabled={disabled}
                onChange={() => answer({ kind: 'yesNo', value: option })}
              />
              {t(option ? 'evaluation.yes' : 'evaluation.no')}
            </label>
          ))}
        {sub.scale.kind === 'levels' &&
          sub.scale.levels.map((level) => (
            <label key={level.value}>
              <input
                type="radio"
                name={groupName}
                checked={value?.kind === 'level' && value.value === level.value}
                disabled={disabled}
                onChange={() => answer({ kind: 'level', value: level.value })}
              />
              {level.label[language]}
            </label>
          ))}
        {sub.scale.kind === 'percent' && (
          <label>
            {t('evaluation.percent')}{' '}
            <input
              type="number"
              min={0}
              max={100}
              disabled={disabled}
              defaultValue={value?.kind === 'percent' ? value.value : ''}
              onBlur={(event) => {
                const number = Number(event.target.value);
                if (event.target.value !== '' && number >= 0 && number <= 100)
                  answer({ kind: 'percent', value: number });
              }}
            />
          </label>
        )}
        <label>
          <input
            type="radio"
            name={groupName}
            checked={value?.kind === 'notApplicable'}
            disabled={disabled}
            onChange={() => answer({ kind: 'notApplicable' })}
          />
          {t('evaluation.notApplicable')}
        </label>
      </div>
      <div className="answer-texts">
        <label>
          {t('evaluation.note')}
          <input
            value={text.note}
            disabled={disabled}
            onChange={(event) => evaluation.setNote(sub.code, event.target.value)}
            onBlur={() => void evaluation.saveText(sub.code)}
          />
        </label>
        <label>
          {t('evaluation.evidence')}
          <input
            value={text.evidenceRef}
            disabled={disabled}
            onChange={(event) => evaluation.setEvidenceRef(sub.code, event.target.value)}
            onBlur={() => void evaluation.saveText(sub.code)}
          />
        </label>
      </div>
      {item && item.others.length > 0 && (
        <ul className="other-answers" aria-label={t('evaluation.othersAnswers')}>
          {item.others.map((other) => (
            <li key={other.evaluatorName}>
              {other.evaluatorName}: {answerText(other.value, sub, t, language)}
              {other.note !== '' && ` — ${other.note}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

function answerText(
  value: AnswerValue,
  sub: SubCriterion,
  t: (key: string) => string,
  language: 'az' | 'en' | 'ru',
): string {
  switch (value.kind) {
    case 'yesNo':
      return t(value.value ? 'evaluation.yes' : 'evaluation.no');
    case 'percent':
      return `${value.value} %`;
    case 'notApplicable':
      return t('evaluation.notApplicable');
    case 'level': {
      const levels = sub.scale.kind === 'levels' ? sub.scale.levels : [];
      return (
        levels.find((level) => level.value === value.value)?.label[language] ??
        value.value
      );
    }
  }
}

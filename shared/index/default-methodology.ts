import type {
  AnswerScale,
  Criterion,
  IndexParameter,
  LocalizedName,
  Methodology,
  StarBand,
  SubCriterion,
} from './methodology';

/**
 * The example methodology shipped for 2023. VXSİDA's rules break the seven
 * parameters of Decree 262 item 2.4 into 24 criteria and 143 sub-criteria,
 * but that breakdown and its weights are not public: the criteria,
 * sub-criteria and weights below are an illustration of the shape, which an
 * administrator replaces with the real ones before a campaign starts. Only
 * the seven parameters (the decree) and the star bands (read off the
 * published 2023 tables) come from published sources.
 */

/** The example methodology's id, fixed so every installation seeds the same row. */
export const DEFAULT_METHODOLOGY_ID = '6f1d3c2a-8b4e-4f7a-9c5d-2e1b0a9f8c71';

/**
 * The star bands the 2023 tables fit: 80 % and above five stars, then one
 * star less per 20 points. A reading of the published table, not a rule
 * VXSİDA has published.
 */
export const INDEX_2023_STAR_BANDS: readonly StarBand[] = [
  { stars: 5, minPercent: 80 },
  { stars: 4, minPercent: 60 },
  { stars: 3, minPercent: 40 },
  { stars: 2, minPercent: 20 },
  { stars: 1, minPercent: 0 },
];

const text = (az: string, en: string, ru: string): LocalizedName => ({ az, en, ru });

const yesNo: AnswerScale = { kind: 'yesNo' };
const percent: AnswerScale = { kind: 'percent' };

function levels(...entries: Array<[string, number, LocalizedName]>): AnswerScale {
  return {
    kind: 'levels',
    levels: entries.map(([value, score, label]) => ({ value, score, label })),
  };
}

const completeness = levels(
  ['full', 1, text('Tam', 'Fully', 'Полностью')],
  ['partial', 0.5, text('Qismən', 'Partly', 'Частично')],
  ['none', 0, text('Yoxdur', 'Not at all', 'Нет')],
);

const electronicDegree = levels(
  ['transactional', 1, text('Tam elektron', 'Fully electronic', 'Полностью электронно')],
  [
    'form',
    0.5,
    text(
      'Elektron ərizə, nəticə kağız üzərində',
      'Electronic application, paper result',
      'Электронное заявление, результат на бумаге',
    ),
  ],
  ['information', 0.25, text('Yalnız məlumat', 'Information only', 'Только информация')],
  ['none', 0, text('Yoxdur', 'Not at all', 'Нет')],
);

const queueManagement = levels(
  [
    'booking',
    1,
    text(
      'Elektron növbə və qabaqcadan yazılma',
      'Electronic queue and booking ahead',
      'Электронная очередь и предварительная запись',
    ),
  ],
  [
    'queue',
    0.5,
    text('Yalnız elektron növbə', 'Electronic queue only', 'Только электронная очередь'),
  ],
  [
    'none',
    0,
    text('Növbə idarə olunmur', 'No queue management', 'Очередь не управляется'),
  ],
);

const trend = levels(
  ['shorter', 1, text('Qısalıb', 'Shorter', 'Сократился')],
  ['same', 0.5, text('Dəyişməyib', 'Unchanged', 'Не изменился')],
  ['longer', 0, text('Uzanıb', 'Longer', 'Увеличился')],
);

const quality = levels(
  ['good', 1, text('Yaxşı', 'Good', 'Хорошо')],
  ['fair', 0.5, text('Kafi', 'Fair', 'Удовлетворительно')],
  ['poor', 0, text('Zəif', 'Poor', 'Плохо')],
);

const frequency = levels(
  ['quarterly', 1, text('Rübdə bir', 'Quarterly', 'Ежеквартально')],
  ['yearly', 0.5, text('İldə bir', 'Yearly', 'Ежегодно')],
  ['none', 0, text('Keçirilmir', 'Not made', 'Не проводятся')],
);

const feedbackUse = levels(
  [
    'published',
    1,
    text(
      'Nəzərə alınır və nəticələr dərc olunur',
      'Acted on, with the results published',
      'Учитываются, результаты публикуются',
    ),
  ],
  ['acted', 0.5, text('Nəzərə alınır', 'Acted on', 'Учитываются')],
  ['unused', 0, text('İstifadə olunmur', 'Not used', 'Не используются')],
);

function sub(
  code: string,
  weight: number,
  scale: AnswerScale,
  name: LocalizedName,
): SubCriterion {
  return { code, weight, scale, name };
}

function criterion(
  code: string,
  weight: number,
  name: LocalizedName,
  subCriteria: SubCriterion[],
): Criterion {
  return { code, weight, name, subCriteria };
}

function parameter(
  code: string,
  weight: number,
  name: LocalizedName,
  criteria: Criterion[],
): IndexParameter {
  return { code, weight, name, criteria };
}

const information = parameter(
  'information',
  15,
  text(
    'Xidmət haqqında məlumat',
    'Information about the service',
    'Информация об услуге',
  ),
  [
    criterion(
      'info-documents',
      2,
      text(
        'Tələb olunan sənədlər haqqında məlumat',
        'Information on the documents required',
        'Информация о требуемых документах',
      ),
      [
        sub(
          'info-documents-listed',
          2,
          yesNo,
          text(
            'Tələb olunan sənədlərin siyahısı dərc olunub',
            'The list of documents required is published',
            'Опубликован перечень требуемых документов',
          ),
        ),
        sub(
          'info-documents-forms',
          1,
          yesNo,
          text(
            'Ərizə formaları və nümunələri əlçatandır',
            'Application forms and samples are available',
            'Доступны бланки и образцы заявлений',
          ),
        ),
        sub(
          'info-documents-current',
          1,
          completeness,
          text(
            'Məlumat qüvvədə olan qanunvericiliyə uyğundur',
            'The information matches the legislation in force',
            'Информация соответствует действующему законодательству',
          ),
        ),
      ],
    ),
    criterion(
      'info-fee',
      1,
      text(
        'Xidmət haqqı haqqında məlumat',
        'Information on the fee',
        'Информация о плате за услугу',
      ),
      [
        sub(
          'info-fee-amount',
          2,
          yesNo,
          text(
            'Xidmət haqqının məbləği və hüquqi əsası göstərilib',
            'The fee and its legal basis are stated',
            'Указаны размер платы и её правовое основание',
          ),
        ),
        sub(
          'info-fee-payment',
          1,
          completeness,
          text(
            'Ödəniş üsulları göstərilib',
            'The ways to pay are stated',
            'Указаны способы оплаты',
          ),
        ),
      ],
    ),
    criterion(
      'info-enquiries',
      1,
      text(
        'Sorğulara cavab verilməsinin operativliyi',
        'How fast enquiries are answered',
        'Оперативность ответов на запросы',
      ),
      [
        sub(
          'info-enquiries-on-time',
          2,
          percent,
          text(
            'Vaxtında cavablandırılan sınaq sorğularının payı',
            'Share of test enquiries answered on time',
            'Доля пробных запросов, получивших ответ вовремя',
          ),
        ),
        sub(
          'info-enquiries-hotline',
          1,
          yesNo,
          text(
            'Qaynar xətt və ya məlumat mərkəzi fəaliyyət göstərir',
            'A hotline or information centre answers',
            'Работает горячая линия или справочный центр',
          ),
        ),
      ],
    ),
  ],
);

const waysToApply = parameter(
  'ways-to-apply',
  20,
  text('Müraciət üsulları', 'Ways to apply', 'Способы обращения'),
  [
    criterion(
      'apply-electronic',
      3,
      text('Elektron müraciət', 'Applying electronically', 'Электронное обращение'),
      [
        sub(
          'apply-electronic-degree',
          3,
          electronicDegree,
          text(
            'Xidmətə elektron müraciət imkanı',
            'How far the service can be applied for electronically',
            'Возможность электронного обращения за услугой',
          ),
        ),
        sub(
          'apply-electronic-portal',
          1,
          yesNo,
          text(
            'Elektron Hökumət Portalı ilə inteqrasiya olunub',
            'Integrated with the e-Government Portal',
            'Интегрирована с Порталом электронного правительства',
          ),
        ),
        sub(
          'apply-electronic-status',
          1,
          yesNo,
          text(
            'Müraciətin vəziyyəti onlayn izlənilə bilir',
            'The application can be tracked online',
            'Статус обращения можно отслеживать онлайн',
          ),
        ),
      ],
    ),
    criterion(
      'apply-post',
      1,
      text('Poçt ilə müraciət', 'Applying by post', 'Обращение по почте'),
      [
        sub(
          'apply-post-accepted',
          1,
          yesNo,
          text(
            'Müraciət poçt ilə qəbul olunur',
            'Applications by post are accepted',
            'Обращения по почте принимаются',
          ),
        ),
        sub(
          'apply-post-result',
          1,
          yesNo,
          text(
            'Nəticə poçt ilə göndərilə bilər',
            'The result can be sent by post',
            'Результат может быть отправлен по почте',
          ),
        ),
      ],
    ),
    criterion(
      'apply-in-person',
      2,
      text('Şəxsən müraciət', 'Applying in person', 'Личное обращение'),
      [
        sub(
          'apply-in-person-one-window',
          2,
          yesNo,
          text(
            'Müraciət "bir pəncərə" prinsipi ilə qəbul olunur',
            'Applications are received at a single window',
            'Обращения принимаются по принципу «одного окна»',
          ),
        ),
        sub(
          'apply-in-person-queue',
          1,
          queueManagement,
          text(
            'Növbənin idarə olunması',
            'How the queue is managed',
            'Управление очередью',
          ),
        ),
        sub(
          'apply-in-person-access',
          1,
          percent,
          text(
            'Əlilliyi olan şəxslər üçün əlçatan qəbul yerlərinin payı',
            'Share of reception points accessible to people with disabilities',
            'Доля мест приёма, доступных для людей с инвалидностью',
          ),
        ),
      ],
    ),
  ],
);

const duration = parameter(
  'duration',
  15,
  text(
    'Xidmətin göstərilmə müddəti',
    'How long the service takes',
    'Срок оказания услуги',
  ),
  [
    criterion(
      'duration-set',
      1,
      text('Müddətin müəyyən edilməsi', 'A time limit is set', 'Установленный срок'),
      [
        sub(
          'duration-set-published',
          1,
          yesNo,
          text(
            'Göstərilmə müddəti dərc olunub',
            'The time limit is published',
            'Срок оказания услуги опубликован',
          ),
        ),
        sub(
          'duration-set-by-law',
          1,
          yesNo,
          text(
            'Müddət normativ hüquqi aktla müəyyən edilib',
            'The time limit is set by a legal act',
            'Срок установлен нормативным правовым актом',
          ),
        ),
      ],
    ),
    criterion(
      'duration-kept',
      2,
      text('Müddətə əməl olunması', 'The time limit is kept', 'Соблюдение срока'),
      [
        sub(
          'duration-kept-share',
          3,
          percent,
          text(
            'Müddətində icra olunan müraciətlərin payı',
            'Share of applications served within the time limit',
            'Доля обращений, исполненных в срок',
          ),
        ),
        sub(
          'duration-kept-trend',
          1,
          trend,
          text(
            'Müddətin əvvəlki illə müqayisəsi',
            'The time taken compared with the year before',
            'Срок по сравнению с прошлым годом',
          ),
        ),
      ],
    ),
  ],
);

const informationResources = parameter(
  'information-resources',
  15,
  text(
    'İnformasiya ehtiyatlarının elektronlaşdırılması və inteqrasiyası',
    'Electronic information resources integrated with other bodies',
    'Электронные информационные ресурсы и их интеграция',
  ),
  [
    criterion(
      'resources-electronic',
      1,
      text(
        'İnformasiya ehtiyatları elektron formadadır',
        'The information resources are electronic',
        'Информационные ресурсы ведутся в электронной форме',
      ),
      [
        sub(
          'resources-electronic-register',
          2,
          completeness,
          text(
            'Xidmətin reyestri elektron aparılır',
            "The service's register is kept electronically",
            'Реестр услуги ведётся в электронном виде',
          ),
        ),
        sub(
          'resources-electronic-archive',
          1,
          percent,
          text(
            'Arxiv sənədlərinin elektronlaşdırılmış payı',
            'Share of archive records digitised',
            'Доля оцифрованных архивных документов',
          ),
        ),
      ],
    ),
    criterion(
      'resources-integration',
      2,
      text(
        'Digər qurumların informasiya sistemləri ilə inteqrasiya',
        "Integration with other bodies' information systems",
        'Интеграция с информационными системами других органов',
      ),
      [
        sub(
          'resources-integration-connected',
          1,
          yesNo,
          text(
            'Elektron hökumət infrastrukturuna qoşulub',
            'Connected to the e-government infrastructure',
            'Подключены к инфраструктуре электронного правительства',
          ),
        ),
        sub(
          'resources-integration-once-only',
          2,
          yesNo,
          text(
            'Digər qurumlarda olan məlumatlar müraciət edəndən tələb olunmur',
            'Data other bodies hold is not asked of the applicant',
            'Сведения, имеющиеся у других органов, не требуются от заявителя',
          ),
        ),
        sub(
          'resources-integration-share',
          2,
          percent,
          text(
            'Elektron sorğu ilə alınan sənədlərin payı',
            'Share of documents obtained by electronic request',
            'Доля документов, получаемых по электронному запросу',
          ),
        ),
      ],
    ),
  ],
);

const staffTraining = parameter(
  'staff-training',
  10,
  text(
    'Xidməti göstərən əməkdaşların təlimi',
    'Training of the staff delivering the service',
    'Обучение сотрудников, оказывающих услугу',
  ),
  [
    criterion(
      'training-programme',
      1,
      text('Təlim proqramı', 'Training programme', 'Программа обучения'),
      [
        sub(
          'training-programme-plan',
          1,
          yesNo,
          text(
            'İllik təlim planı təsdiq olunub',
            'A yearly training plan is approved',
            'Утверждён годовой план обучения',
          ),
        ),
        sub(
          'training-programme-trained',
          2,
          percent,
          text(
            'İl ərzində təlim keçmiş əməkdaşların payı',
            'Share of staff trained during the year',
            'Доля сотрудников, прошедших обучение за год',
          ),
        ),
      ],
    ),
    criterion(
      'training-conduct',
      1,
      text('Xidmət mədəniyyəti', 'Conduct toward applicants', 'Культура обслуживания'),
      [
        sub(
          'training-conduct-ethics',
          1,
          yesNo,
          text(
            'Etik davranış qaydaları üzrə təlim keçirilib',
            'Training in the rules of ethical conduct was held',
            'Проведено обучение правилам этического поведения',
          ),
        ),
        sub(
          'training-conduct-mystery-visit',
          2,
          quality,
          text(
            'Sınaq müraciətində əməkdaşın davranışı',
            'Staff conduct during a mystery-shopper visit',
            'Поведение сотрудника при контрольном обращении',
          ),
        ),
      ],
    ),
  ],
);

const complaintsControl = parameter(
  'complaints-control',
  10,
  text(
    'Şikayət və nəzarət mexanizmləri',
    'Complaint and control mechanisms',
    'Механизмы жалоб и контроля',
  ),
  [
    criterion(
      'complaints-channels',
      1,
      text('Şikayət kanalları', 'Ways to complain', 'Способы подачи жалобы'),
      [
        sub(
          'complaints-channels-published',
          1,
          yesNo,
          text(
            'Şikayət vermə qaydası dərc olunub',
            'How to complain is published',
            'Порядок подачи жалобы опубликован',
          ),
        ),
        sub(
          'complaints-channels-electronic',
          1,
          yesNo,
          text(
            'Şikayət elektron formada verilə bilər',
            'Complaints can be made electronically',
            'Жалобу можно подать в электронной форме',
          ),
        ),
      ],
    ),
    criterion(
      'complaints-handling',
      2,
      text('Şikayətlərə baxılması', 'Handling of complaints', 'Рассмотрение жалоб'),
      [
        sub(
          'complaints-handling-on-time',
          2,
          percent,
          text(
            'Müddətində baxılmış şikayətlərin payı',
            'Share of complaints handled within the time limit',
            'Доля жалоб, рассмотренных в срок',
          ),
        ),
        sub(
          'complaints-handling-register',
          1,
          yesNo,
          text(
            'Şikayətlərin uçotu aparılır',
            'A register of complaints is kept',
            'Ведётся учёт жалоб',
          ),
        ),
      ],
    ),
    criterion(
      'control-internal',
      1,
      text('Daxili nəzarət', 'Internal control', 'Внутренний контроль'),
      [
        sub(
          'control-internal-unit',
          1,
          yesNo,
          text(
            'Xidmətin keyfiyyətinə nəzarət edən struktur bölmə var',
            'A unit oversees the quality of the service',
            'Есть подразделение, контролирующее качество услуги',
          ),
        ),
        sub(
          'control-internal-checks',
          1,
          frequency,
          text(
            'Daxili yoxlamaların tezliyi',
            'How often internal checks are made',
            'Периодичность внутренних проверок',
          ),
        ),
      ],
    ),
  ],
);

const satisfaction = parameter(
  'satisfaction',
  15,
  text(
    'Vətəndaş məmnunluğunun ölçülməsi mexanizmləri',
    'Mechanisms for measuring citizen satisfaction',
    'Механизмы измерения удовлетворённости граждан',
  ),
  [
    criterion(
      'satisfaction-survey',
      2,
      text('Məmnunluq sorğuları', 'Satisfaction surveys', 'Опросы удовлетворённости'),
      [
        sub(
          'satisfaction-survey-held',
          1,
          yesNo,
          text(
            'İl ərzində məmnunluq sorğusu keçirilib',
            'A satisfaction survey was held during the year',
            'В течение года проведён опрос удовлетворённости',
          ),
        ),
        sub(
          'satisfaction-survey-satisfied',
          2,
          percent,
          text(
            'Məmnun qalan respondentlərin payı',
            'Share of respondents satisfied',
            'Доля удовлетворённых респондентов',
          ),
        ),
      ],
    ),
    criterion(
      'satisfaction-feedback',
      1,
      text('Rəy bildirmə imkanı', 'Ways to give feedback', 'Возможность оставить отзыв'),
      [
        sub(
          'satisfaction-feedback-rating',
          1,
          yesNo,
          text(
            'Xidmətdən sonra onu qiymətləndirmək mümkündür',
            'Applicants can rate the service afterwards',
            'После получения услуги её можно оценить',
          ),
        ),
        sub(
          'satisfaction-feedback-use',
          1,
          feedbackUse,
          text(
            'Rəylərin nəticələrindən istifadə',
            'Use made of the feedback',
            'Использование результатов отзывов',
          ),
        ),
      ],
    ),
  ],
);

/** The example 2023 methodology, version 1, unfrozen; revise it, never mutate it. */
export const defaultMethodology: Methodology = {
  id: DEFAULT_METHODOLOGY_ID,
  year: 2023,
  version: 1,
  name: text(
    'ASAN xidmət indeksi 2023 (nümunə metodologiya)',
    'ASAN service index 2023 (example methodology)',
    'Индекс ASAN xidmət 2023 (пример методологии)',
  ),
  parameters: [
    information,
    waysToApply,
    duration,
    informationResources,
    staffTraining,
    complaintsControl,
    satisfaction,
  ],
  bands: INDEX_2023_STAR_BANDS.map((band) => ({ ...band })),
  aggregation: { provider: 'mean', unanswered: 'zero' },
  createdAt: '2024-01-01T00:00:00.000Z',
  frozenAt: null,
};

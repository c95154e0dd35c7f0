extension ExportStrings {
    /// The Russian table.
    public static let russian: ExportStrings = {
        var s = ExportStrings(languageCode: "ru")
        s.pageTitle = "Ваши персональные данные"
        s.intro = {
            "На этой странице перечислены все сведения о вас, которые обрабатывает \($0), а также кто и с какой "
                + "целью к ним обращался — по состоянию на указанное ниже время. Приложенный файл JSON содержит "
                + "те же данные в машиночитаемом виде."
        }
        s.legalBasisNote =
            "Сведения предоставлены в соответствии со статьёй 14 Федерального закона № 152-ФЗ «О персональных "
            + "данных» и статьями 15 (право на доступ) и 20 (право на переносимость данных) GDPR."
        s.generatedAt = "Сформировано"
        s.timesNote = "Время указано по всемирному координированному времени (UTC)."
        s.contents = "Содержание"
        s.yes = "Да"
        s.no = "Нет"
        s.footer =
            "Сформировано системой Tresor. Страница содержит персональные данные — не передавайте её третьим лицам."

        s.operatorHeading = "Оператор персональных данных"
        s.operatorName = "Наименование"
        s.operatorAddress = "Адрес"
        s.operatorContact = "Контакт"
        s.requestHeading = "Ваш запрос"
        s.requestID = "Номер запроса"
        s.requestKind = "Вид"
        s.requestReceived = "Получен"
        s.requestDue = "Срок ответа"
        s.noRequest = "Выгрузка подготовлена оператором, а не в ответ на запрос."
        s.subjectHeading = "Ваша запись"
        s.subjectID = "Номер записи"
        s.jurisdiction = "Применимое право"
        s.subjectCreated = "Создана"
        s.restricted = "Обработка ограничена"
        s.objectedToMarketing = "Возражение против маркетинга"

        s.dataHeading = "Ваши данные"
        s.dataIntro = "Все сведения о вас, которые мы храним, их источник и срок хранения."
        s.dataCaption = "Хранимые сведения"
        s.fieldColumn = "Сведения"
        s.valueColumn = "Значение"
        s.sourceColumn = "Источник"
        s.updatedColumn = "Обновлено"
        s.rectifiedLabel = "исправлено"
        s.retentionColumn = "Срок хранения"
        s.legalHoldColumn = "Обязанность хранить по закону"
        s.specialCategory = "специальная категория"
        s.dataEmpty = "Мы не храним о вас никаких сведений."

        s.identitiesHeading = "Связанные идентификаторы"
        s.identitiesIntro = "Идентификаторы, по которым ваши записи из разных систем объединены в один профиль."
        s.identitiesCaption = "Идентификаторы по видам"
        s.identityKindColumn = "Вид"
        s.countColumn = "Количество"
        s.identitiesEmpty = "С вами не связано ни одного идентификатора."

        s.consentsHeading = "Согласия"
        s.consentsIntro = "Все согласия, которые вы дали, отклонили или отозвали, от ранних к поздним."
        s.consentsCaption = "История согласий"
        s.purposeColumn = "Цель"
        s.statusColumn = "Статус"
        s.consentTextColumn = "Текст согласия"
        s.textFingerprint = "отпечаток"
        s.collectedViaColumn = "Способ получения"
        s.dateColumn = "Дата"
        s.expiresColumn = "Действует до"
        s.givenByColumn = "Кем дано"
        s.consentsEmpty = "Записей о согласиях нет."

        s.modulesHeading = "Сегменты, кампании и сообщения"
        s.modulesIntro = "Маркетинговые сегменты и кампании, в которые вы входили, и сообщения, отправленные вам."
        s.modulesCaption = "Включения"
        s.moduleColumn = "Раздел"
        s.kindColumn = "Вид"
        s.keyColumn = "Название"
        s.modulesEmpty = "Вы не входили ни в один сегмент или кампанию, сообщений вам не отправлялось."

        s.accessHeading = "Кто обращался к вашим данным"
        s.accessIntro =
            "Каждое обращение, записанное в защищённый от изменений журнал аудита: кто, когда, с какой целью "
            + "и было ли оно разрешено."
        s.accessCaption = "Журнал обращений, сначала новые"
        s.whenColumn = "Когда"
        s.whoColumn = "Кто"
        s.actionColumn = "Действие"
        s.decisionColumn = "Решение"
        s.accessEmpty = "К вашим данным никто не обращался."

        s.eventsHeading = "События"
        s.eventsIntro =
            "Действия, зафиксированные на наших сайтах, в приложениях и магазинах, например посещения и заказы."
        s.eventsSummaryCaption = "События по типам"
        s.typeColumn = "Тип"
        s.firstColumn = "Первое"
        s.lastColumn = "Последнее"
        s.totalRow = "Всего"
        s.eventsListCaption = "Все события, сначала новые"
        s.detailsColumn = "Подробности"
        s.eventsEmpty = "Событий о вас не записано."
        s.latestRows = { "Последние \(ReportNumber.grouped($0)) из \(ReportNumber.grouped($1)), сначала новые" }
        s.moreInJSON = {
            "Более ранние записи (\(ReportNumber.grouped($0))) здесь не показаны — "
                + "все они есть в приложенном файле JSON."
        }

        s.purposesHeading = "Цели и правовые основания обработки"
        s.purposesIntro = "Для чего мы обрабатываем персональные данные и на каком законном основании."
        s.purposesCaption = "Цели обработки"
        s.basisColumn = "Правовое основание"
        s.descriptionColumn = "Описание"
        s.purposesEmpty = "Цели обработки не указаны."
        s.recipientsHeading = "Получатели"
        s.recipientsIntro =
            "Обработчики и операторы каналов связи, которым ваши данные могут передаваться по нашему поручению."
        s.recipientsCaption = "Получатели персональных данных"
        s.recipientColumn = "Получатель"
        s.roleColumn = "Роль"
        s.recipientsEmpty = "Ваши данные никому не передаются."
        s.retentionHeading = "Сроки хранения"
        s.retentionIntro =
            "Сведения удаляются по истечении срока хранения, если закон не обязывает нас хранить их дольше."
        s.retentionCaption = "Сроки хранения"
        s.periodColumn = "Срок"
        s.holdsCaption = "Сведения, которые мы обязаны хранить по закону"
        s.retentionEmpty = "Сроки хранения не установлены."
        s.days = { "\(ReportNumber.grouped($0)) \(SlavicPlural.form($0, one: "день", few: "дня", many: "дней"))" }
        s.whileAccountExists = "пока существует ваша запись"

        s.rightsHeading = "Ваши права"
        s.rightsIntro = "Вы можете воспользоваться этими правами в любое время бесплатно."
        s.rightsEmpty = "Права не указаны."
        s.contactHeading = "Как с нами связаться"
        s.contactIntro = "Чтобы воспользоваться своими правами, задать вопрос или подать жалобу, напишите нам:"
        s.quoteRequest = { "Пожалуйста, укажите номер запроса \($0)." }
        s.complaintGDPR =
            "Вы также вправе подать жалобу в надзорный орган по защите данных, в частности в государстве — члене ЕС, "
            + "где вы живёте или работаете либо где, по вашему мнению, были нарушены ваши права."
        s.complaint152FZ =
            "Вы также вправе обжаловать действия оператора в Роскомнадзор — уполномоченный орган по защите прав "
            + "субъектов персональных данных — или в суд."

        s.fieldNames = [
            "first_name": "Имя", "last_name": "Фамилия", "middle_name": "Отчество", "patronymic": "Отчество",
            "email": "Электронная почта", "phone": "Телефон", "birth_date": "Дата рождения", "gender": "Пол",
            "city": "Город", "country": "Страна", "language": "Язык", "address": "Адрес",
            "postal_code": "Почтовый индекс", "external_id": "Номер клиента",
            "anonymous_id": "Идентификатор устройства или браузера", "source_created_at": "Клиент с",
            "health_note": "Сведения о здоровье", "events": "События",
        ]
        s.requestKinds = [
            "access": "Доступ к данным", "portability": "Переносимость данных", "rectification": "Уточнение",
            "erasure": "Удаление", "restriction": "Ограничение обработки", "objection": "Возражение",
        ]
        s.jurisdictions = ["gdpr": "GDPR (ЕС)", "152fz": "152-ФЗ (Россия)"]
        s.consentStatuses = ["granted": "Дано", "withdrawn": "Отозвано", "refused": "Отклонено"]
        s.givers = ["subject": "Вы", "guardian": "Родитель или законный представитель"]
        s.sources = [
            "crm": "Служба поддержки (CRM)", "web": "Сайт", "pos": "Касса магазина", "app": "Мобильное приложение",
            "web_form": "Форма на сайте", "import": "Импорт данных", "api": "Интерфейс партнёра (API)",
            "cmp": "Баннер о cookie", "paper": "Бумажная анкета", "email": "Электронная почта",
        ]
        s.purposeNames = [
            "marketing.email": "Рекламные письма", "marketing.sms": "Рекламные SMS",
            "marketing.push": "Рекламные push-уведомления", "marketing.viber": "Рекламные сообщения в Viber",
            "profiling": "Профилирование", "analytics": "Аналитика", "personalization": "Персонализация",
            "health.recommendations": "Рекомендации с учётом здоровья", "unification": "Объединение записей",
            "service": "Заказы и сервисные сообщения", "security": "Безопасность и защита от мошенничества",
            "legal": "Исполнение требований закона", "storage": "Хранение и резервные копии",
            "dsr": "Ответы на ваши запросы", "audit": "Аудит", "transfer.third-party": "Передача третьим лицам",
            "transfer.cross-border": "Трансграничная передача",
        ]
        s.bases = [
            "consent": "Ваше согласие", "contract": "Договор с вами", "legal_obligation": "Обязанность по закону",
            "legitimate_interest": "Законный интерес", "vital_interest": "Жизненно важные интересы",
            "public_task": "Общественно значимая задача",
        ]
        s.actors = [
            "marketer": "Сотрудник отдела маркетинга", "compliance": "Сотрудник по защите данных",
            "auditor": "Аудитор", "admin": "Системный администратор", "unification": "Объединение записей",
            "segmentation": "Сегментация", "messaging": "Рассылки",
        ]
        s.roles = ["role": "сотрудник", "module": "автоматически"]
        s.actions = [
            "read": "Чтение", "scan": "Массовое чтение", "write": "Запись", "erase": "Удаление", "export": "Выгрузка",
            "rectify": "Исправление", "restrict": "Ограничение", "events": "Чтение событий",
            "consent": "Изменение согласия",
        ]
        s.decisions = ["allowed": "Разрешено", "partial": "Частично разрешено", "denied": "Отказано"]
        s.modules = ["segmentation": "Сегментация", "messaging": "Рассылки", "unification": "Объединение записей"]
        s.moduleKinds = ["segment": "Сегмент", "campaign": "Кампания", "message": "Сообщение"]
        return s
    }()
}

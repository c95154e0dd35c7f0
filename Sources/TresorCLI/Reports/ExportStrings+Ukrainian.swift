extension ExportStrings {
    /// The Ukrainian table.
    public static let ukrainian: ExportStrings = {
        var s = ExportStrings(languageCode: "uk")
        s.pageTitle = "Ваші персональні дані"
        s.intro = {
            "На цій сторінці перелічено всі відомості про вас, які обробляє \($0), а також хто і з якою метою "
                + "до них звертався — станом на зазначений нижче час. Доданий файл JSON містить ті самі дані "
                + "в машинозчитуваному вигляді."
        }
        s.legalBasisNote =
            "Відомості надано відповідно до статей 15 (право на доступ) і 20 (право на перенесення даних) GDPR "
            + "та статті 14 Федерального закону Росії № 152-ФЗ «Про персональні дані»."
        s.generatedAt = "Сформовано"
        s.timesNote = "Час зазначено за всесвітнім координованим часом (UTC)."
        s.contents = "Зміст"
        s.yes = "Так"
        s.no = "Ні"
        s.footer = "Сформовано системою Tresor. Сторінка містить персональні дані — не передавайте її стороннім особам."

        s.operatorHeading = "Оператор персональних даних"
        s.operatorName = "Найменування"
        s.operatorAddress = "Адреса"
        s.operatorContact = "Контакт"
        s.requestHeading = "Ваш запит"
        s.requestID = "Номер запиту"
        s.requestKind = "Вид"
        s.requestReceived = "Отримано"
        s.requestDue = "Строк відповіді"
        s.noRequest = "Вивантаження підготував оператор, а не у відповідь на запит."
        s.subjectHeading = "Ваш запис"
        s.subjectID = "Номер запису"
        s.jurisdiction = "Застосовне право"
        s.subjectCreated = "Створено"
        s.restricted = "Обробку обмежено"
        s.objectedToMarketing = "Заперечення проти маркетингу"

        s.dataHeading = "Ваші дані"
        s.dataIntro = "Усі відомості про вас, які ми зберігаємо, їхнє джерело та строк зберігання."
        s.dataCaption = "Збережені відомості"
        s.fieldColumn = "Відомості"
        s.valueColumn = "Значення"
        s.sourceColumn = "Джерело"
        s.updatedColumn = "Оновлено"
        s.rectifiedLabel = "виправлено"
        s.retentionColumn = "Строк зберігання"
        s.legalHoldColumn = "Обов’язок зберігати за законом"
        s.specialCategory = "спеціальна категорія"
        s.dataEmpty = "Ми не зберігаємо про вас жодних відомостей."

        s.identitiesHeading = "Пов’язані ідентифікатори"
        s.identitiesIntro = "Ідентифікатори, за якими ваші записи з різних систем об’єднано в один профіль."
        s.identitiesCaption = "Ідентифікатори за видами"
        s.identityKindColumn = "Вид"
        s.countColumn = "Кількість"
        s.identitiesEmpty = "З вами не пов’язано жодного ідентифікатора."

        s.consentsHeading = "Згоди"
        s.consentsIntro = "Усі згоди, які ви надали, відхилили або відкликали, від ранніх до пізніх."
        s.consentsCaption = "Історія згод"
        s.purposeColumn = "Мета"
        s.statusColumn = "Статус"
        s.consentTextColumn = "Текст згоди"
        s.textFingerprint = "відбиток"
        s.collectedViaColumn = "Спосіб отримання"
        s.dateColumn = "Дата"
        s.expiresColumn = "Діє до"
        s.givenByColumn = "Ким надано"
        s.consentsEmpty = "Записів про згоди немає."

        s.modulesHeading = "Сегменти, кампанії та повідомлення"
        s.modulesIntro = "Маркетингові сегменти й кампанії, до яких вас було включено, і повідомлення, надіслані вам."
        s.modulesCaption = "Включення"
        s.moduleColumn = "Розділ"
        s.kindColumn = "Вид"
        s.keyColumn = "Назва"
        s.modulesEmpty = "Вас не включали до жодного сегмента чи кампанії, повідомлень вам не надсилали."

        s.accessHeading = "Хто звертався до ваших даних"
        s.accessIntro =
            "Кожне звернення, записане в захищений від змін журнал аудиту: хто, коли, з якою метою і чи було "
            + "його дозволено."
        s.accessCaption = "Журнал звернень, спочатку нові"
        s.whenColumn = "Коли"
        s.whoColumn = "Хто"
        s.actionColumn = "Дія"
        s.decisionColumn = "Рішення"
        s.accessEmpty = "До ваших даних ніхто не звертався."

        s.eventsHeading = "Події"
        s.eventsIntro =
            "Дії, зафіксовані на наших сайтах, у застосунках і магазинах, наприклад відвідування та замовлення."
        s.eventsSummaryCaption = "Події за типами"
        s.typeColumn = "Тип"
        s.firstColumn = "Перша"
        s.lastColumn = "Остання"
        s.totalRow = "Усього"
        s.eventsListCaption = "Усі події, спочатку нові"
        s.detailsColumn = "Подробиці"
        s.eventsEmpty = "Подій щодо вас не записано."
        s.latestRows = { "Останні \(ReportNumber.grouped($0)) з \(ReportNumber.grouped($1)), спочатку нові" }
        s.moreInJSON = {
            "Раніші записи (\(ReportNumber.grouped($0))) тут не показано — усі вони є в доданому файлі JSON."
        }

        s.purposesHeading = "Цілі та правові підстави обробки"
        s.purposesIntro = "Для чого ми обробляємо персональні дані і на якій законній підставі."
        s.purposesCaption = "Цілі обробки"
        s.basisColumn = "Правова підстава"
        s.descriptionColumn = "Опис"
        s.purposesEmpty = "Цілі обробки не зазначено."
        s.recipientsHeading = "Одержувачі"
        s.recipientsIntro =
            "Обробники та оператори каналів зв’язку, яким ваші дані можуть передаватися за нашим дорученням."
        s.recipientsCaption = "Одержувачі персональних даних"
        s.recipientColumn = "Одержувач"
        s.roleColumn = "Роль"
        s.recipientsEmpty = "Ваші дані нікому не передаються."
        s.retentionHeading = "Строки зберігання"
        s.retentionIntro =
            "Відомості видаляються після закінчення строку зберігання, якщо закон не зобов’язує нас зберігати їх довше."
        s.retentionCaption = "Строки зберігання"
        s.periodColumn = "Строк"
        s.holdsCaption = "Відомості, які ми зобов’язані зберігати за законом"
        s.retentionEmpty = "Строки зберігання не встановлено."
        s.days = { "\(ReportNumber.grouped($0)) \(SlavicPlural.form($0, one: "день", few: "дні", many: "днів"))" }
        s.whileAccountExists = "поки існує ваш запис"

        s.rightsHeading = "Ваші права"
        s.rightsIntro = "Ви можете скористатися цими правами будь-коли безкоштовно."
        s.rightsEmpty = "Права не зазначено."
        s.contactHeading = "Як з нами зв’язатися"
        s.contactIntro = "Щоб скористатися своїми правами, поставити запитання або подати скаргу, напишіть нам:"
        s.quoteRequest = { "Будь ласка, зазначте номер запиту \($0)." }
        s.complaintGDPR =
            "Ви також маєте право подати скаргу до наглядового органу із захисту даних, зокрема в державі — члені ЄС, "
            + "де ви живете чи працюєте або де, на вашу думку, було порушено ваші права."
        s.complaint152FZ =
            "Ви також можете оскаржити дії оператора в Роскомнагляді — уповноваженому органі із захисту прав "
            + "суб’єктів персональних даних — або в суді."

        s.fieldNames = [
            "first_name": "Ім’я", "last_name": "Прізвище", "middle_name": "По батькові", "patronymic": "По батькові",
            "email": "Електронна пошта", "phone": "Телефон", "birth_date": "Дата народження", "gender": "Стать",
            "city": "Місто", "country": "Країна", "language": "Мова", "address": "Адреса",
            "postal_code": "Поштовий індекс", "external_id": "Номер клієнта",
            "anonymous_id": "Ідентифікатор пристрою або браузера", "source_created_at": "Клієнт з",
            "health_note": "Відомості про здоров’я", "events": "Події",
        ]
        s.requestKinds = [
            "access": "Доступ до даних", "portability": "Перенесення даних", "rectification": "Уточнення",
            "erasure": "Видалення", "restriction": "Обмеження обробки", "objection": "Заперечення",
        ]
        s.jurisdictions = ["gdpr": "GDPR (ЄС)", "152fz": "152-ФЗ (Росія)"]
        s.consentStatuses = ["granted": "Надано", "withdrawn": "Відкликано", "refused": "Відхилено"]
        s.givers = ["subject": "Ви", "guardian": "Батьки або законний представник"]
        s.sources = [
            "crm": "Служба підтримки (CRM)", "web": "Сайт", "pos": "Каса магазину", "app": "Мобільний застосунок",
            "web_form": "Форма на сайті", "import": "Імпорт даних", "api": "Інтерфейс партнера (API)",
            "cmp": "Банер про cookie", "paper": "Паперова анкета", "email": "Електронна пошта",
        ]
        s.purposeNames = [
            "marketing.email": "Рекламні листи", "marketing.sms": "Рекламні SMS",
            "marketing.push": "Рекламні push-сповіщення", "marketing.viber": "Рекламні повідомлення у Viber",
            "profiling": "Профілювання", "analytics": "Аналітика", "personalization": "Персоналізація",
            "health.recommendations": "Рекомендації з урахуванням здоров’я", "unification": "Об’єднання записів",
            "service": "Замовлення та сервісні повідомлення", "security": "Безпека та захист від шахрайства",
            "legal": "Виконання вимог закону", "storage": "Зберігання та резервні копії",
            "dsr": "Відповіді на ваші запити", "audit": "Аудит", "transfer.third-party": "Передача третім особам",
            "transfer.cross-border": "Транскордонна передача",
        ]
        s.bases = [
            "consent": "Ваша згода", "contract": "Договір з вами", "legal_obligation": "Обов’язок за законом",
            "legitimate_interest": "Законний інтерес", "vital_interest": "Життєво важливі інтереси",
            "public_task": "Суспільно значуще завдання",
        ]
        s.actors = [
            "marketer": "Працівник відділу маркетингу", "compliance": "Працівник із захисту даних",
            "auditor": "Аудитор", "admin": "Системний адміністратор", "unification": "Об’єднання записів",
            "segmentation": "Сегментація", "messaging": "Розсилки",
        ]
        s.roles = ["role": "працівник", "module": "автоматично"]
        s.actions = [
            "read": "Читання", "scan": "Масове читання", "write": "Запис", "erase": "Видалення",
            "export": "Вивантаження", "rectify": "Виправлення", "restrict": "Обмеження", "events": "Читання подій",
            "consent": "Зміна згоди",
        ]
        s.decisions = ["allowed": "Дозволено", "partial": "Частково дозволено", "denied": "Відмовлено"]
        s.modules = ["segmentation": "Сегментація", "messaging": "Розсилки", "unification": "Об’єднання записів"]
        s.moduleKinds = ["segment": "Сегмент", "campaign": "Кампанія", "message": "Повідомлення"]
        return s
    }()
}

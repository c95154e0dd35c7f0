import Testing
import Vault

@testable import TresorCLI

@Suite struct ReportLocalisationTests {
    @Test func russianPageUsesRussianLabels() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(language: "ru"))
        #expect(html.contains(#"<html lang="ru">"#))
        for label in [
            "Ваши персональные данные", "Оператор персональных данных", "Кто обращался к вашим данным",
            "Согласия", "Цели и правовые основания обработки", "Ваши права", "Как с нами связаться",
            "Имя", "Фамилия", "Сведения о здоровье", "специальная категория", "Отказано", "Отозвано",
            "пока существует ваша запись", "365 дней", "21 день", "Роскомнадзор",
        ] {
            #expect(html.contains(label), "missing Russian label \(label)")
        }
        for english in ["Your personal data", "Who accessed your data", "First name", "Denied"] {
            #expect(!html.contains(english), "English label \(english) on the Russian page")
        }
    }

    @Test func englishPageUsesEnglishLabels() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(language: "en", jurisdiction: "gdpr"))
        #expect(html.contains(#"<html lang="en">"#))
        for label in [
            "Your personal data", "Data controller (operator)", "Who accessed your data", "Consents",
            "Purposes and lawful bases", "Your rights", "How to contact us", "First name", "Last name",
            "Denied", "Withdrawn", "while your record exists", "365 days", "21 days", "supervisory authority",
        ] {
            #expect(html.contains(label), "missing English label \(label)")
        }
        for russian in ["Ваши персональные данные", "Имя", "Роскомнадзор"] {
            #expect(!html.contains(russian), "Russian label \(russian) on the English page")
        }
    }

    @Test(arguments: ["de", "fr-FR", "", "zz"])
    func unknownLanguagesFallBackToEnglish(language: String) throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(language: language))
        #expect(html.contains(#"<html lang="en">"#))
        #expect(html.contains("Your personal data"))
    }

    @Test func regionalTagsSelectTheirLanguage() {
        #expect(ExportStrings.forLanguage("ru-RU").languageCode == "ru")
        #expect(ExportStrings.forLanguage("RU_ru").languageCode == "ru")
        #expect(ExportStrings.forLanguage("uk-UA").languageCode == "uk")
        #expect(ExportStrings.forLanguage("en-GB").languageCode == "en")
    }

    @Test func ukrainianPageUsesUkrainianLabels() throws {
        let html = SubjectExportPage.render(try ReportFixtures.export(language: "uk"))
        #expect(html.contains(#"<html lang="uk">"#))
        #expect(html.contains("Ваші персональні дані"))
        #expect(html.contains("Ім’я"))
        #expect(html.contains("365 днів"))
    }

    @Test(arguments: [ExportStrings.russian, ExportStrings.ukrainian])
    func everyTextIsTranslated(table: ExportStrings) {
        let english = Self.texts(of: .english)
        let translated = Self.texts(of: table)
        #expect(english.count == translated.count)
        #expect(english.count > 100)
        for (label, text) in english where label != "missing" {
            #expect(translated[label] != text, "\(label) of \(table.languageCode) is still English")
        }
    }

    @Test(arguments: [ExportStrings.russian, ExportStrings.ukrainian])
    func everyCodeNameIsTranslated(table: ExportStrings) {
        let tables: [KeyPath<ExportStrings, [String: String]>] = [
            \.fieldNames, \.requestKinds, \.jurisdictions, \.consentStatuses, \.givers, \.sources, \.purposeNames,
            \.bases, \.actors, \.roles, \.actions, \.decisions, \.modules, \.moduleKinds,
        ]
        for path in tables {
            #expect(Set(table[keyPath: path].keys) == Set(ExportStrings.english[keyPath: path].keys))
        }
    }

    @Test func russianDayCountsAgreeWithTheNumber() {
        let days = ExportStrings.russian.days
        #expect(
            [1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111, 365].map(days) == [
                "1 день", "2 дня", "5 дней", "11 дней", "12 дней", "14 дней", "21 день", "22 дня", "25 дней",
                "101 день", "111 дней", "365 дней",
            ])
    }

    @Test func unknownCodesAreShownAsThemselves() throws {
        var export = try ReportFixtures.export(language: "ru")
        export.fields[0].name = "loyalty_tier"
        export.fields[0].retention = "until the loyalty programme ends"
        let html = SubjectExportPage.render(export)
        #expect(html.contains("<code>loyalty_tier</code>"))
        #expect(html.contains("until the loyalty programme ends"))
    }

    /// The string labels of a table and the texts of its closures (called with sample arguments).
    static func texts(of table: ExportStrings) -> [String: String] {
        var texts: [String: String] = [:]
        for child in Mirror(reflecting: table).children {
            guard let label = child.label, label != "languageCode" else { continue }
            if let text = child.value as? String { texts[label] = text }
        }
        texts["intro()"] = table.intro("X")
        texts["latestRows()"] = table.latestRows(5, 10)
        texts["moreInJSON()"] = table.moreInJSON(7)
        texts["days()"] = table.days(7)
        texts["quoteRequest()"] = table.quoteRequest("R")
        return texts
    }
}

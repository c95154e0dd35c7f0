/// Given names by sex and family names in (male, female) forms, with their e-mail slugs precomputed.
struct NameTable {
    /// Male given names.
    let maleGiven: [Name]
    /// Female given names.
    let femaleGiven: [Name]
    /// Family names as (male form, female form).
    let family: [(male: Name, female: Name)]

    /// A name and its ASCII slug for e-mail local parts.
    struct Name {
        /// The name as written.
        let text: String
        /// Lower-case ASCII letters only.
        let slug: String
    }

    init(male: [String], female: [String], family: [(String, String)]) {
        maleGiven = male.map { Name(text: $0, slug: Transliteration.slug($0)) }
        femaleGiven = female.map { Name(text: $0, slug: Transliteration.slug($0)) }
        self.family = family.map {
            (Name(text: $0.0, slug: Transliteration.slug($0.0)), Name(text: $0.1, slug: Transliteration.slug($0.1)))
        }
    }

    /// Family names that inflect by sex as `-ов/-ова`, `-ев/-ева`, `-ин/-ина`.
    private static func slavic(_ stems: [String]) -> [(String, String)] {
        stems.map { ($0, $0 + "а") }
    }

    static let russian = NameTable(
        male: ["Алексей", "Дмитрий", "Сергей", "Иван", "Пётр", "Артём", "Андрей", "Михаил", "Фёдор", "Семён", "Илья"],
        female: ["Мария", "Анна", "Екатерина", "Ольга", "Наталья", "Юлия", "Алёна", "Татьяна", "Дарья", "Софья"],
        family: slavic(["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Фёдоров", "Морозов", "Волков"])
            + slavic(["Ковалёв", "Соловьёв", "Алексеев", "Пушкин"])
            + [
                ("Римский-Корсаков", "Римская-Корсакова"), ("Салтыков-Щедрин", "Салтыкова-Щедрина"),
                ("Черных", "Черных"),
            ])

    static let kazakh = NameTable(
        male: ["Нурлан", "Ерлан", "Айдар", "Дәурен", "Алексей", "Сергей", "Тимур"],
        female: ["Айгерим", "Асель", "Жанна", "Гүлнар", "Мария", "Алёна"],
        family: slavic(["Ахметов", "Жумабаев", "Нурпеисов", "Сейткалиев", "Иванов"])
            + [("Ким", "Ким"), ("Ли", "Ли"), ("Тулеген-Оглы", "Тулеген-Кызы")])

    static let ukrainian = NameTable(
        male: ["Олександр", "Андрій", "Тарас", "Богдан", "Дмитро", "Юрій", "Євген", "Остап"],
        female: ["Оксана", "Ірина", "Ганна", "Світлана", "Мар'яна", "Наталія", "Олена", "Соломія", "Мар’яна"],
        family: [
            ("Шевченко", "Шевченко"), ("Коваленко", "Коваленко"), ("Бондаренко", "Бондаренко"),
            ("Ткаченко", "Ткаченко"),
            ("Кравченко", "Кравченко"), ("Дем'яненко", "Дем'яненко"), ("Мельник", "Мельник"),
            ("Ковальчук", "Ковальчук"),
            ("Квітка-Основ'яненко", "Квітка-Основ'яненко"), ("Заїка", "Заїка"),
        ])

    static let bulgarian = NameTable(
        male: ["Георги", "Иван", "Димитър", "Николай", "Стоян", "Христо", "Ангел"],
        female: ["Мария", "Елена", "Йорданка", "Десислава", "Цветелина", "Радостина"],
        family: slavic(["Петров", "Иванов", "Георгиев", "Димитров", "Николов", "Стоянов", "Христов", "Ангелов"]))

    static let german = NameTable(
        male: ["Lukas", "Jürgen", "Maximilian", "Jörg", "Hans-Peter", "Björn", "Felix"],
        female: ["Anna", "Sophie", "Lena", "Marie-Luise", "Käthe", "Jana", "Lisa-Marie"],
        family: [
            "Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Meyer", "Groß-Hartmann", "Schäfer", "Köhler",
            "von der Heydt",
        ].map { ($0, $0) })

    static let french = NameTable(
        male: ["Jean", "François", "Éric", "Jean-Pierre", "Noël", "Loïc", "Théo"],
        female: ["Camille", "Chloé", "Léa", "Hélène", "Anaïs", "Zoé", "Marie-Ève"],
        family: ["Martin", "Bernard", "Dubois", "Lefèvre", "D'Angelo", "Moreau", "Girard", "Lemaître", "Saint-Exupéry"]
            .map { ($0, $0) })

    static let polish = NameTable(
        male: ["Piotr", "Krzysztof", "Łukasz", "Michał", "Paweł", "Wojciech", "Jędrzej"],
        female: ["Agnieszka", "Małgorzata", "Zofia", "Katarzyna", "Joanna", "Żaneta"],
        family: [
            ("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
            ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
            ("Dąbrowski", "Dąbrowska"), ("Szczęsny-Kowalski", "Szczęsna-Kowalska"),
        ])

    static let spanish = NameTable(
        male: ["Javier", "Álvaro", "Sergio", "José Luis", "Íñigo", "Jordi"],
        female: ["Lucía", "María José", "Núria", "Begoña", "Inés", "Àngels"],
        family: [
            "García", "Fernández", "López", "Martínez", "Sánchez", "Pérez-Reverte", "Muñoz", "Ibáñez", "de la Fuente",
        ]
        .map { ($0, $0) })

    static let irish = NameTable(
        male: ["Seán", "Conor", "Patrick", "Ciarán", "Darragh", "Tadhg"],
        female: ["Aoife", "Siobhán", "Niamh", "Saoirse", "Róisín", "Máire"],
        family: [
            "O'Brien", "Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ó Súilleabháin", "Mac Giolla Phádraig",
            "O’Neill",
        ]
        .map { ($0, $0) })
}

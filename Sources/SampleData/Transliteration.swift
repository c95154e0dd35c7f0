import Foundation

/// ASCII slugs of names for e-mail local parts (`Пётр` → `petr`, `Groß-Hartmann` → `grosshartmann`).
enum Transliteration {
    private static let cyrillic: [Character: String] = {
        let letters = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґәғқңөұүһ")
        let latin = [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
            "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "a", "g", "k", "n",
            "o", "u", "u", "h",
        ]
        return Dictionary(uniqueKeysWithValues: zip(letters, latin))
    }()

    private static let special: [Character: String] = ["ß": "ss", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d"]

    /// Lower-case ASCII letters and digits of `name`; other characters are transliterated or dropped (`x` if empty).
    static func slug(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            if let latin = cyrillic[character] ?? special[character] {
                out += latin
            } else if let ascii = baseLetter(character) {
                out.append(ascii)
            }
        }
        return out.isEmpty ? "x" : out
    }

    private static func baseLetter(_ character: Character) -> Character? {
        guard let first = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first else {
            return nil
        }
        switch first.value {
        case 0x61...0x7A, 0x30...0x39: return Character(first)
        default: return nil
        }
    }
}

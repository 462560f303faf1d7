namespace DisclosurePortal.Core.Synthetic;

/// <summary>Word lists for clearly fictional titles, people, bands and labels.</summary>
internal static class SyntheticNames
{
    public static readonly string[] TitleWords =
    [
        "Midnight", "River", "Golden", "Echo", "Paper", "Summer", "Silent", "Neon", "Harbour", "Velvet",
        "Northern", "Lights", "Heart", "Road", "Fire", "Ocean", "Glass", "Garden", "Thunder", "Dream",
        "Shadow", "Morning", "City", "Wild", "Blue", "Stone", "Satellite", "Honey", "Winter", "Dance",
        "Corazón", "Noche", "Liebe", "Sommer", "Rêve", "Étoile", "Lumière", "Fuego", "Sonho", "Hjärta",
    ];

    // Words the label's catalog never uses: rows built from them are certainly not in the catalog.
    public static readonly string[] OutsiderWords =
    [
        "Crimson", "Falling", "Copper", "Hollow", "Static", "Marble", "Lantern", "Orbit", "Cinder", "Meadow",
        "Prism", "Tundra", "Ember", "Signal", "Kite", "Saffron", "Drift", "Quartz", "Willow", "Voltage",
    ];

    public static readonly string[] TitleShapes = ["{0} {1}", "{0} of {1}", "The {0} {1}", "{0}", "{0} & {1}", "Don't Stop the {0}", "{0} ({1})"];

    public static readonly string[] FirstNames =
    [
        "Ada", "Bruno", "Chloé", "Dario", "Elin", "Farah", "Gustav", "Hana", "Ines", "Jonas", "Kenji", "Lena",
        "Mateo", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tariq", "Ulla", "Vera", "Yusuf", "Zoë", "Åsa",
    ];

    public static readonly string[] Surnames =
    [
        "Albrecht", "Brennan", "Castillo", "Dubois", "Eklund", "Fischer", "García", "Hayes", "Ishikawa", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Santos", "Tanaka",
    ];

    public static readonly string[] OutsiderNames = ["Mira Holt", "Teo Varga", "Lune Baptiste", "The Copper Kites", "DJ Orbit", "Saskia Wren", "Nils Ardent"];

    public static readonly string[] BandWords = ["Collective", "Orchestra", "Brothers", "Sound System", "Quartet", "Club", "Parade", "Machine"];

    public static readonly string[] Labels =
        ["Harbour Lights Records", "Northern Echo Music", "Velvet Stone Recordings", "Satellite Garden", "Golden Road Records", "Blue Morning Music"];

    public static readonly string[] Cities = ["Berlin", "Lisbon", "Tokyo", "Glasgow", "Montréal", "São Paulo", "Oslo", "Seoul"];

    public static string Title(Prng random, string[] words) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(TitleShapes), random.Pick(words), random.Pick(words));

    public static string Person(Prng random) => $"{random.Pick(FirstNames)} {random.Pick(Surnames)}";

    public static string Artist(Prng random) => random.Chance(0.25)
        ? $"The {random.Pick(TitleWords)} {random.Pick(BandWords)}"
        : Person(random);
}

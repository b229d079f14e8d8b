namespace Preau.Demo;

/// <summary>Common French first and last names, picked at random by the generator. Any resemblance
/// between a generated combination and a real person is chance.</summary>
internal static class DemoNames
{
    /// <summary>First names for pupils (children born around 2012–2015).</summary>
    public static readonly string[] Children =
    [
        "Léa", "Chloé", "Inès", "Emma", "Jade", "Louise", "Alice", "Lina", "Rose", "Anna",
        "Mila", "Ambre", "Julia", "Mia", "Zoé", "Léna", "Agathe", "Juliette", "Éloïse", "Camille",
        "Manon", "Sarah", "Margaux", "Clémence", "Anaïs", "Maëlys", "Héloïse", "Lou", "Romane", "Célia",
        "Océane", "Maéva", "Noémie", "Elsa", "Capucine", "Salomé", "Iris", "Constance", "Marie-Lou", "Adèle",
        "Gabriel", "Raphaël", "Léo", "Louis", "Jules", "Adam", "Arthur", "Hugo", "Lucas", "Nathan",
        "Éthan", "Paul", "Théo", "Sacha", "Tom", "Mathis", "Timéo", "Noah", "Noé", "Maël",
        "Aaron", "Nolan", "Mathéo", "Axel", "Clément", "Valentin", "Antoine", "Baptiste", "Maxime", "Côme",
        "Élie", "Joseph", "Martin", "Samuel", "Gaspard", "Loïc", "Théophile", "Jean-Baptiste", "Anatole", "Bastien",
    ];

    /// <summary>Women's first names for adults.</summary>
    public static readonly string[] Women =
    [
        "Nathalie", "Isabelle", "Sylvie", "Céline", "Stéphanie", "Sandrine", "Valérie", "Véronique", "Christelle", "Sophie",
        "Aurélie", "Émilie", "Virginie", "Delphine", "Karine", "Laurence", "Hélène", "Marie-Claire", "Cécile", "Élodie",
        "Séverine", "Anne", "Caroline", "Audrey", "Julie", "Gaëlle", "Magali", "Fanny", "Laëtitia", "Coralie",
    ];

    /// <summary>Men's first names for adults.</summary>
    public static readonly string[] Men =
    [
        "Stéphane", "Frédéric", "Sébastien", "Christophe", "Laurent", "Nicolas", "Olivier", "Philippe", "Éric", "Jérôme",
        "Thierry", "Pascal", "David", "Julien", "Cédric", "Franck", "Guillaume", "Vincent", "Grégory", "Benoît",
        "Jean-Marc", "François", "Hervé", "Arnaud", "Mickaël", "Yannick", "Ludovic", "Régis", "Didier", "Bruno",
    ];

    /// <summary>Family names.</summary>
    public static readonly string[] Last =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
        "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
        "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
        "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Bourgeois", "Leclerc", "Payet",
        "Rolland", "Lecomte", "Le Gall", "Le Bœuf", "Da Silva", "N'Diaye", "Moreau-Lambert", "Hoarau", "Benali", "Nguyen",
    ];

    /// <summary>Adult first names, women's then men's.</summary>
    public static IReadOnlyList<string> Adults { get; } = [.. Women, .. Men];
}

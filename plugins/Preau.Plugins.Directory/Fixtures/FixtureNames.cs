namespace Preau.Plugins.Directory.Fixtures;

/// <summary>Common French first names and family names, combined at random: any resemblance to a
/// real person is chance. They use every ISO-8859-15 letter the readers must keep (é è ê ë à ç ô
/// œ Œ), plus hyphens and apostrophes for the login rules.</summary>
internal static class FixtureNames
{
    public static readonly string[] Children =
    [
        "Léa", "Chloé", "Inès", "Emma", "Jade", "Louise", "Alice", "Lina", "Zoé", "Léna",
        "Éloïse", "Camille", "Manon", "Clémence", "Anaïs", "Maëlys", "Héloïse", "Romane", "Océane", "Noémie",
        "Salomé", "Adèle", "Ève", "Marie-Lou", "Gabriel", "Raphaël", "Léo", "Louis", "Jules", "Hugo",
        "Lucas", "Nathan", "Éthan", "Théo", "Noé", "Maël", "Clément", "Côme", "Élie", "Loïc",
        "Théophile", "Jean-Baptiste", "Jérôme", "François", "Noël", "Joël", "Gaëtan", "Benoît", "Anatole", "Bastien",
    ];

    public static readonly string[] Women =
    [
        "Nathalie", "Isabelle", "Céline", "Stéphanie", "Valérie", "Véronique", "Sophie", "Aurélie", "Émilie", "Hélène",
        "Marie-Claire", "Cécile", "Élodie", "Séverine", "Gaëlle", "Laëtitia", "Françoise", "Geneviève", "Agnès", "Anne",
    ];

    public static readonly string[] Men =
    [
        "Stéphane", "Frédéric", "Sébastien", "Christophe", "Laurent", "Nicolas", "Olivier", "Éric", "Jérôme", "Thierry",
        "Pascal", "Julien", "Cédric", "Benoît", "Jean-Marc", "François", "Hervé", "Mickaël", "Régis", "Jean-Noël",
    ];

    public static readonly string[] Last =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
        "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "FAURE", "ANDRÉ", "MERCIER",
        "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER", "FRANÇOIS", "LEGRAND", "GAUTHIER", "PERRIN", "ROBIN",
        "CLÉMENT", "MORIN", "HENRY", "MASSON", "MARCHAND", "DUVAL", "NOËL", "RIVIÈRE", "BRUNET", "GÉRARD",
        "LE GALL", "LE BŒUF", "ŒILLET", "DA SILVA", "N'DIAYE", "D'AUBIGNÉ", "MOREAU-LAMBERT", "CÔTÉ", "DUCHÊNE", "FORÊT",
        "BÉRANGER", "FRANÇON", "LACÔTE", "BENALI", "NGUYEN", "HOARAU", "PAYET", "SCHMITT", "LEMAÎTRE", "BOËL",
    ];
}

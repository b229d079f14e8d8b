namespace Preau.Plugins.Directory.Model;

/// <summary>What one import says the school is: checked, cross-referenced, and in a stable order
/// (records sorted by their key) so that the same files always give the same snapshot.</summary>
/// <remarks>Built by <see cref="Reading.ImportReader"/> from files, or by
/// <see cref="Fixtures.SyntheticSchool"/> for tests and the demo; the planner compares it with the directory.</remarks>
public sealed record ImportSnapshot
{
    /// <summary>The establishment (PARAMETRES/UAJ), upper case.</summary>
    public required string Uai { get; init; }

    /// <summary>ANNEE_SCOLAIRE: the year the school year starts (2026 for 2026-2027).</summary>
    public required string SchoolYear { get; init; }

    /// <summary>SIECLE's DATE_EXPORT, when SIECLE is in the import.</summary>
    public DateOnly? ExportDate { get; init; }

    /// <summary>Which feeds the import carries.</summary>
    public required ImportScope Scope { get; init; }

    /// <summary>Present pupils, by ELEVE_ID.</summary>
    public IReadOnlyList<ImportedPupil> Pupils { get; init; } = [];

    /// <summary>Responsables linked to a present pupil, by PERSONNE_ID.</summary>
    public IReadOnlyList<ImportedResponsable> Responsables { get; init; } = [];

    /// <summary>Links between responsables and present pupils, by pupil then responsable.</summary>
    public IReadOnlyList<ImportedParentLink> ParentLinks { get; init; } = [];

    /// <summary>Staff and teachers, by external id.</summary>
    public IReadOnlyList<ImportedStaff> Staff { get; init; } = [];

    /// <summary>MEFs of the nomenclature, by code.</summary>
    public IReadOnlyList<ImportedMef> Mefs { get; init; } = [];

    /// <summary>Levels used by the classes, by order.</summary>
    public IReadOnlyList<ImportedLevel> Levels { get; init; } = [];

    /// <summary>Classes then groups, each by code.</summary>
    public IReadOnlyList<ImportedStructure> Structures { get; init; } = [];

    /// <summary>Subjects of SIECLE's and STSweb's nomenclatures, by code.</summary>
    public IReadOnlyList<ImportedSubject> Subjects { get; init; } = [];

    /// <summary>Teaching services, by teacher, structure, subject.</summary>
    public IReadOnlyList<ImportedService> Services { get; init; } = [];

    /// <summary>Professeurs principaux, by teacher then class.</summary>
    public IReadOnlyList<ImportedProfPrincipal> ProfsPrincipaux { get; init; } = [];

    /// <summary>What the administrator should know (pupils without a class, ignored services…).</summary>
    public IReadOnlyList<ImportWarning> Warnings { get; init; } = [];
}

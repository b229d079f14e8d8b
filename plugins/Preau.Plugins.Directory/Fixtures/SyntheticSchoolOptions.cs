namespace Preau.Plugins.Directory.Fixtures;

/// <summary>A collège (6e–3e) or a lycée général (2nde–Terminale).</summary>
public enum SchoolType
{
    /// <summary>6e, 5e, 4e, 3e; LV2 and Latin groups from 5e.</summary>
    College,

    /// <summary>2nde, 1re, Terminale; LV2 groups, spécialités in 1re and Terminale.</summary>
    Lycee,
}

/// <summary>What school <see cref="SyntheticSchool.Generate"/> makes.</summary>
public sealed record SyntheticSchoolOptions
{
    /// <summary>Seed of the single random source: the same options give the same school.</summary>
    public int Seed { get; init; } = 20260901;

    /// <summary>UAI (a fake one by default).</summary>
    public string Uai { get; init; } = "0990001Z";

    /// <summary>School year.</summary>
    public string SchoolYear { get; init; } = "2026";

    /// <summary>SIECLE's DATE_EXPORT.</summary>
    public DateOnly ExportDate { get; init; } = new(2026, 9, 1);

    /// <summary>Collège or lycée.</summary>
    public SchoolType Type { get; init; } = SchoolType.College;

    /// <summary>Pupils.</summary>
    public int Pupils { get; init; } = 600;

    /// <summary>Pupils per class (classes are filled evenly).</summary>
    public int PupilsPerClass { get; init; } = 25;

    /// <summary>Members of staff, teachers included (at least one teacher per subject is made).</summary>
    public int Staff { get; init; } = 60;

    /// <summary>A 2,000-pupil lycée with about 3,500 responsables and 150 staff: the figure.</summary>
    public static SyntheticSchoolOptions Lycee2000 { get; } = new()
    {
        Type = SchoolType.Lycee,
        Uai = "0990002Z",
        Pupils = 2000,
        PupilsPerClass = 35,
        Staff = 150,
    };
}

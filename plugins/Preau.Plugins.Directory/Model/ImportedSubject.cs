namespace Preau.Plugins.Directory.Model;

/// <summary>A subject (MATIERE) from SIECLE's nomenclature or STSweb's.</summary>
/// <param name="Code">CODE_MATIERE (six digits, e.g. 030201).</param>
/// <param name="Name">LIBELLE_COURT (ANGLAIS LV1), or LIBELLE_LONG, or the code.</param>
/// <param name="GestionCode">CODE_GESTION (AGL1), when present.</param>
/// <param name="LongLabel">LIBELLE_LONG, when present.</param>
public sealed record ImportedSubject(string Code, string Name, string? GestionCode, string? LongLabel);

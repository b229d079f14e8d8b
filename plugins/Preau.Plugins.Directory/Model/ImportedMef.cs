namespace Preau.Plugins.Directory.Model;

/// <summary>A MEF (module élémentaire de formation) from SIECLE's nomenclature.</summary>
/// <param name="Code">CODE_MEF (eleven digits).</param>
/// <param name="Formation">FORMATION (6EME, 2NDE GT, 1ERE G…).</param>
/// <param name="Label">LIBELLE_LONG.</param>
/// <param name="RattachementCode">MEF_RATTACHEMENT: the MEF this one is a variant of, or null.</param>
public sealed record ImportedMef(string Code, string Formation, string Label, string? RattachementCode);

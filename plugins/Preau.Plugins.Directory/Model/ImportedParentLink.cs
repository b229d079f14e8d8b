namespace Preau.Plugins.Directory.Model;

/// <summary>A responsable linked to a pupil (SIECLE RESPONSABLE_ELEVE).</summary>
/// <param name="PersonneId">The responsable.</param>
/// <param name="EleveId">The pupil.</param>
/// <param name="Responsibility">Légal, en charge or contact.</param>
/// <param name="LegalLevel">1 or 2 for a responsable légal (RESP_LEGAL, or order in the file),
/// 0 otherwise: the value Core's <c>ParentLink.LegalLevel</c> takes.</param>
/// <param name="CodeParente">CODE_PARENTE (10 mère, 20 père, 50 tuteur…), when present.</param>
public sealed record ImportedParentLink(
    string PersonneId,
    string EleveId,
    Responsibility Responsibility,
    int LegalLevel,
    string? CodeParente);

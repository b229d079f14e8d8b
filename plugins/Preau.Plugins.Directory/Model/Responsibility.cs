namespace Preau.Plugins.Directory.Model;

/// <summary>How a responsable stands to a pupil (SIECLE RESP_LEGAL or NIVEAU_RESPONSABILITE).</summary>
public enum Responsibility
{
    /// <summary>Responsable légal (RESP_LEGAL 1 or 2, NIVEAU_RESPONSABILITE 1).</summary>
    Legal,

    /// <summary>Personne en charge de l'élève (NIVEAU_RESPONSABILITE 2).</summary>
    EnCharge,

    /// <summary>Contact only (RESP_LEGAL 0, NIVEAU_RESPONSABILITE 3).</summary>
    Contact,
}

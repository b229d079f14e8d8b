namespace Preau.Plugins.Directory.Model;

/// <summary>The ENT profile of a person; member names are those of Core's <c>Profile</c>.</summary>
public enum PersonKind
{
    /// <summary>A pupil (SIECLE ELEVE).</summary>
    Eleve,

    /// <summary>A parent or guardian (SIECLE PERSONNE linked to a pupil).</summary>
    Responsable,

    /// <summary>A teacher (STS INDIVIDU with FONCTION ENS).</summary>
    Enseignant,

    /// <summary>Another member of staff (STS INDIVIDU with another FONCTION).</summary>
    Personnel,

    /// <summary>An ENT administrator identity: never created or changed by an import.</summary>
    AdministrateurEnt,
}

namespace Preau.Plugins.Graph;

/// <summary>The ENT profile of an account; the sending rules are written in terms of these.</summary>
public enum AccountProfile
{
    /// <summary>A pupil (élève).</summary>
    Eleve,

    /// <summary>A parent or legal guardian (responsable).</summary>
    Responsable,

    /// <summary>A teacher (enseignant).</summary>
    Enseignant,

    /// <summary>A member of staff (personnel); see <see cref="AccountFunction"/>.</summary>
    Personnel,

    /// <summary>The ENT administrator identity.</summary>
    AdministrateurEnt,
}

/// <summary>What a staff member does in the school.</summary>
public enum AccountFunction
{
    /// <summary>No function (pupils, parents, most teachers).</summary>
    None,

    /// <summary>Chef d'établissement or adjoint.</summary>
    Direction,

    /// <summary>Conseiller principal d'éducation.</summary>
    Cpe,

    /// <summary>Assistants d'éducation, surveillants.</summary>
    VieScolaire,

    /// <summary>Professeur documentaliste.</summary>
    Documentaliste,

    /// <summary>Psychologue de l'Éducation nationale.</summary>
    PsyEn,

    /// <summary>Assistant·e social·e.</summary>
    AssistantSocial,

    /// <summary>Infirmier·e.</summary>
    Infirmier,

    /// <summary>Secrétariat, intendance.</summary>
    Secretariat,

    /// <summary>Agents (maintenance, restauration).</summary>
    Agent,

    /// <summary>Académie support staff (DANE) given delegated administration.</summary>
    SupportAcademique,
}

/// <summary>Life cycle of an account.</summary>
public enum AccountStatus
{
    /// <summary>Present in the feed, not yet activated (no password): receives mail, cannot log in.
    /// Written for an account that is already active or suspended, it keeps that state; written for
    /// an account that had left, it brings it back.</summary>
    NotActivated,

    /// <summary>Opérationnel: logs in, sends and receives.</summary>
    Active,

    /// <summary>Suspendu: cannot log in or send; mail to it is refused.</summary>
    Suspended,

    /// <summary>Left the feed (sorti): kept with its mail, treated as suspended.</summary>
    Left,
}

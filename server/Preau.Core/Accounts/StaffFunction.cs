namespace Preau.Core.Accounts;

/// <summary>What a staff member does in the school; rules may single out functions.</summary>
public enum StaffFunction
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

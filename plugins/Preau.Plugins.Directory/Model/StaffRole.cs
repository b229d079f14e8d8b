namespace Preau.Plugins.Directory.Model;

/// <summary>What a member of staff does; member names are those of Core's <c>StaffFunction</c>.</summary>
public enum StaffRole
{
    /// <summary>No function (pupils, parents, teachers, unknown STS codes).</summary>
    None,

    /// <summary>Chef d'établissement or adjoint (STS DIR).</summary>
    Direction,

    /// <summary>Conseiller principal d'éducation (STS EDU).</summary>
    Cpe,

    /// <summary>Assistants d'éducation, surveillance (STS SUR).</summary>
    VieScolaire,

    /// <summary>Professeur documentaliste (STS DOC).</summary>
    Documentaliste,

    /// <summary>Psychologue de l'Éducation nationale (STS ORI).</summary>
    PsyEn,

    /// <summary>Assistant·e social·e (STS MDS whose grade names the social service).</summary>
    AssistantSocial,

    /// <summary>Infirmier·e (STS MDS otherwise).</summary>
    Infirmier,

    /// <summary>Secrétariat, intendance (STS ADF).</summary>
    Secretariat,

    /// <summary>Agents: laboratory, maintenance, restauration (STS LAB, OUV).</summary>
    Agent,

    /// <summary>Académie support staff: never set by an import.</summary>
    SupportAcademique,
}

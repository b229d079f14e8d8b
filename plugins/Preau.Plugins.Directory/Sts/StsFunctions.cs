using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Sts;

/// <summary>What an STSweb FONCTION code makes of a person.</summary>
/// <remarks>
/// ENS (enseignement) is a teacher. DIR direction, EDU éducation (CPE), SUR surveillance (assistants
/// d'éducation), DOC documentation, ORI orientation (PsyEN), ADF administration, LAB and OUV agents
/// are staff with that function. MDS (médico-social) covers nurses and social workers: a GRADE
/// naming the social service (« ASS… SOC… », « CTSS ») makes an assistant·e social·e, otherwise an
/// infirmier·e. Any other code is staff without a function: the code is kept on the person.
/// </remarks>
public static class StsFunctions
{
    /// <summary>The profile and function for a FONCTION code and GRADE.</summary>
    public static (PersonKind Kind, StaffRole Role) Map(string? fonction, string? grade)
    {
        var code = fonction?.Trim().ToUpperInvariant();
        return code switch
        {
            "ENS" => (PersonKind.Enseignant, StaffRole.None),
            "DIR" => (PersonKind.Personnel, StaffRole.Direction),
            "EDU" => (PersonKind.Personnel, StaffRole.Cpe),
            "SUR" => (PersonKind.Personnel, StaffRole.VieScolaire),
            "DOC" => (PersonKind.Personnel, StaffRole.Documentaliste),
            "ORI" => (PersonKind.Personnel, StaffRole.PsyEn),
            "ADF" => (PersonKind.Personnel, StaffRole.Secretariat),
            "LAB" or "OUV" => (PersonKind.Personnel, StaffRole.Agent),
            "MDS" => (PersonKind.Personnel, IsSocial(grade) ? StaffRole.AssistantSocial : StaffRole.Infirmier),
            _ => (PersonKind.Personnel, StaffRole.None),
        };
    }

    /// <summary>The FONCTION code written for a profile and function (the fixtures' inverse of <see cref="Map"/>).</summary>
    public static string CodeOf(PersonKind kind, StaffRole role) => kind == PersonKind.Enseignant ? "ENS" : role switch
    {
        StaffRole.Direction => "DIR",
        StaffRole.Cpe => "EDU",
        StaffRole.VieScolaire => "SUR",
        StaffRole.Documentaliste => "DOC",
        StaffRole.PsyEn => "ORI",
        StaffRole.Secretariat => "ADF",
        StaffRole.Agent => "OUV",
        StaffRole.AssistantSocial or StaffRole.Infirmier => "MDS",
        _ => "AUT",
    };

    private static bool IsSocial(string? grade)
    {
        if (grade is null)
        {
            return false;
        }

        var upper = grade.ToUpperInvariant();
        return upper.Contains("SOC", StringComparison.Ordinal) || upper.Contains("CTSS", StringComparison.Ordinal);
    }
}

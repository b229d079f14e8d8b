using System.Globalization;
using System.Text;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>A plan in French words, for the dry run and the CLI: the counts, then the details.</summary>
public static class PlanReport
{
    // French grouping (« 2 540 ») without depending on ICU's culture data.
    private static readonly NumberFormatInfo French = new() { NumberGroupSeparator = "\u202F", NumberDecimalDigits = 0 };

    /// <summary>One line: « 12 comptes ajoutés, 3 modifiés, 2 suspendus, 2 540 inchangés ; … ».</summary>
    public static string Summary(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsEmpty)
        {
            return $"Aucun changement ({N(plan.Unchanged)} comptes inchangés).";
        }

        var parts = new List<string>
        {
            $"{N(plan.Added.Count)} compte(s) ajouté(s), {N(plan.Updated.Count)} modifié(s), {N(plan.Suspended.Count)} suspendu(s), {N(plan.Unchanged)} inchangé(s)",
        };
        if (plan.Structures.Count > 0)
        {
            parts.Add($"classes et groupes : {N(plan.Structures.Added.Count)} ajouté(s), {N(plan.Structures.Updated.Count)} modifié(s), {N(plan.Structures.Removed.Count)} supprimé(s)");
        }

        if (plan.Memberships.Count > 0)
        {
            parts.Add($"appartenances : +{N(plan.Memberships.Added.Count)} −{N(plan.Memberships.Removed.Count)}");
        }

        if (plan.ParentLinks.Count > 0)
        {
            parts.Add($"liens responsable–élève : +{N(plan.ParentLinks.Added.Count)} −{N(plan.ParentLinks.Removed.Count)}");
        }

        if (plan.Teachings.Count > 0)
        {
            parts.Add($"services : +{N(plan.Teachings.Added.Count)} −{N(plan.Teachings.Removed.Count)}");
        }

        if (plan.Levels.Count + plan.Subjects.Count > 0)
        {
            parts.Add($"niveaux et matières : {N(plan.Levels.Count + plan.Subjects.Count)} changement(s)");
        }

        return string.Join(" ; ", parts) + ".";
    }

    /// <summary>The summary, then one line per change (at most <paramref name="maxLines"/>), then the warnings.</summary>
    public static string Describe(ImportPlan plan, int maxLines = 200)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var lines = new List<string>();
        foreach (var a in plan.Added)
        {
            lines.Add($"+ {KindName(a.Account.Kind)} {a.Account.Login} ({a.Account.DisplayName})");
        }

        foreach (var c in plan.Updated)
        {
            lines.Add($"~ {KindName(c.After.Kind)} {c.After.Login} : {string.Join(", ", c.Fields.Select(FieldText))}");
        }

        foreach (var c in plan.Suspended)
        {
            lines.Add($"- {KindName(c.Before.Kind)} {c.Before.Login} ({c.Before.DisplayName}) : absent des fichiers, suspendu (courrier conservé)");
        }

        lines.AddRange(plan.Structures.Added.Select(s => $"+ {TypeName(s.Type)} {s.Code} ({s.Name})"));
        lines.AddRange(plan.Structures.Updated.Select(s => $"~ {TypeName(s.After.Type)} {s.After.Code} : « {s.Before.Name} » → « {s.After.Name} »"));
        lines.AddRange(plan.Structures.Removed.Select(s => $"- {TypeName(s.Type)} {s.Code} ({s.Name}) : absente des fichiers, supprimée"));

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Import {ScopeName(plan.Scope)} pour {plan.Uai}, année {plan.SchoolYear} (groupes : {plan.GroupFeeding})");
        sb.AppendLine(Summary(plan));
        foreach (var line in lines.Take(maxLines))
        {
            sb.AppendLine(line);
        }

        if (lines.Count > maxLines)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"… et {N(lines.Count - maxLines)} autres changements");
        }

        foreach (var warning in plan.Warnings)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Attention : {warning}");
        }

        if (plan.RequiresConfirmation)
        {
            sb.AppendLine("Cet import demande une confirmation explicite.");
        }

        return sb.ToString();
    }

    /// <summary>A profile in French.</summary>
    public static string KindName(PersonKind kind) => kind switch
    {
        PersonKind.Eleve => "Élève",
        PersonKind.Responsable => "Responsable",
        PersonKind.Enseignant => "Enseignant",
        PersonKind.Personnel => "Personnel",
        _ => "Administrateur ENT",
    };

    private static string FieldText(FieldChange change)
    {
        var name = change.Field switch
        {
            AccountField.FirstName => "prénom",
            AccountField.LastName => "nom",
            AccountField.DisplayName => "nom affiché",
            AccountField.Kind => "profil",
            AccountField.Role => "fonction",
            AccountField.ExternalId => "identifiant national",
            _ => "état",
        };
        return $"{name} « {change.Before} » → « {change.After} »";
    }

    private static string TypeName(StructureType type) => type == StructureType.Class ? "Classe" : "Groupe";

    private static string ScopeName(ImportScope scope) => scope switch
    {
        ImportScope.Siecle | ImportScope.Sts => "SIECLE et STSweb",
        ImportScope.Siecle => "SIECLE",
        _ => "STSweb",
    };

    private static string N(int n) => n.ToString("N0", French);
}

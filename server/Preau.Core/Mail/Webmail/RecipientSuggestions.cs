using Preau.Core.Accounts;
using Preau.Core.Directory;
using Preau.Core.Graph;
using Preau.Core.Policy;

namespace Preau.Core.Mail.Webmail;

/// <summary>What a suggestion is.</summary>
public enum SuggestionKind
{
    /// <summary>An account.</summary>
    Person,

    /// <summary>A class, group or rubrique list address.</summary>
    List,
}

/// <summary>An address the compose form proposes.</summary>
/// <param name="Address">The address.</param>
/// <param name="Name">Who or what it is ("Prof. Maths Démo", "Élèves de 6A").</param>
/// <param name="Kind">A person or a list.</param>
/// <param name="Detail">A short description ("Élève · 6A", "28 destinataires").</param>
public sealed record RecipientSuggestion(string Address, string Name, SuggestionKind Kind, string Detail);

/// <summary>Suggests, as a name is typed, only the people and lists the sender may write to: every
/// candidate is decided by <see cref="SendingPolicy.Decide"/>, the same call sending makes.</summary>
public sealed class RecipientSuggestions(DirectoryService directory, SendingPolicy policy)
{
    /// <summary>The most suggestions returned.</summary>
    public const int MaxResults = 20;

    /// <summary>Suggestions for what was typed (at least two characters), people first, then lists.</summary>
    /// <param name="sender">The signed-in account.</param>
    /// <param name="query">What was typed: part of a name, a login, an address, a class.</param>
    public IReadOnlyList<RecipientSuggestion> Suggest(Account sender, string? query)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var typed = (query ?? "").Trim();
        var tokens = Slug.Fold(typed, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (typed.Length < 2 || tokens.Length == 0)
        {
            return [];
        }

        var graph = directory.Graph;
        var current = graph.FindById(sender.Id) ?? sender;
        var results = new List<RecipientSuggestion>();
        var people = graph.Data.Accounts
            .Where(a => a.CanReceive && a.Id != current.Id && Matches(tokens, typed, a.Login, $"{a.DisplayName} {a.FirstName} {a.LastName} {a.Login}"))
            .OrderBy(a => Slug.Fold($"{a.LastName} {a.FirstName} {a.DisplayName}", ' '), StringComparer.Ordinal)
            .ThenBy(a => a.Login, StringComparer.Ordinal);
        foreach (var account in people)
        {
            var address = directory.AddressOf(account);
            if (policy.Decide(current, address).Accepted)
            {
                results.Add(new RecipientSuggestion(address, account.DisplayName, SuggestionKind.Person, Describe(graph, account)));
                if (results.Count >= MaxResults)
                {
                    return results;
                }
            }
        }

        foreach (var (local, name) in Lists(graph))
        {
            if (!Matches(tokens, typed, local, $"{local} {name}"))
            {
                continue;
            }

            var address = $"{local}@{directory.Domain}";
            var decision = policy.Decide(current, address);
            if (decision.Accepted)
            {
                var count = decision.Recipients.Count;
                results.Add(new RecipientSuggestion(address, name, SuggestionKind.List, count == 1 ? "1 destinataire" : $"{count} destinataires"));
                if (results.Count >= MaxResults)
                {
                    break;
                }
            }
        }

        return results;
    }

    /// <summary>"Élève · 6A", "Parent d'élève · 6A", "Enseignant", "CPE"…</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="account">The account.</param>
    public static string Describe(EstablishmentGraph graph, Account account)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(account);
        return account.Profile switch
        {
            Profile.Eleve => graph.ClassOf(account.Id) is { } code ? $"Élève · {code}" : "Élève",
            Profile.Responsable => graph.ChildrenOf(account.Id).Select(graph.ClassOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray() is { Length: > 0 } classes
                ? $"Parent d'élève · {string.Join(", ", classes)}"
                : "Parent d'élève",
            Profile.Enseignant => "Enseignant",
            Profile.AdministrateurEnt => "Administration de l'ENT",
            _ => FunctionLabel(account.Function),
        };
    }

    private static string FunctionLabel(StaffFunction function) => function switch
    {
        StaffFunction.Direction => "Direction",
        StaffFunction.Cpe => "CPE",
        StaffFunction.VieScolaire => "Vie scolaire",
        StaffFunction.Documentaliste => "Documentaliste",
        StaffFunction.PsyEn => "Psychologue de l'Éducation nationale",
        StaffFunction.AssistantSocial => "Service social",
        StaffFunction.Infirmier => "Infirmerie",
        StaffFunction.Secretariat => "Secrétariat",
        StaffFunction.Agent => "Agent",
        StaffFunction.SupportAcademique => "Support académique",
        _ => "Personnel",
    };

    private static IEnumerable<(string Local, string Name)> Lists(EstablishmentGraph graph)
    {
        foreach (var structure in graph.Data.Structures.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            var slug = Slug.Fold(structure.Code);
            var of = structure.Kind == StructureKind.Class ? $"de {structure.Code}" : $"du groupe {structure.Code}";
            yield return (ListAddress.Of(ListKind.Pupils, slug).LocalPart, $"Élèves {of}");
            yield return (ListAddress.Of(ListKind.Parents, slug).LocalPart, $"Parents {of}");
            yield return (ListAddress.Of(ListKind.Teachers, slug).LocalPart, $"Professeurs {of}");
        }

        foreach (var rubrique in graph.Data.Rubriques.Where(r => r.DiffusionList).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            yield return (ListAddress.Of(ListKind.Rubrique, Slug.Fold(rubrique.Id)).LocalPart, $"Rubrique {rubrique.Name}");
        }
    }

    /// <summary>Every typed word starts a word of the candidate's names; or the typed text starts its address.</summary>
    private static bool Matches(string[] tokens, string typed, string local, string names)
    {
        if (typed.Contains('@', StringComparison.Ordinal) || typed.Contains('.', StringComparison.Ordinal))
        {
            if (local.StartsWith(typed.Split('@')[0], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var words = Slug.Fold(names, ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.All(t => words.Any(w => w.StartsWith(t, StringComparison.Ordinal)));
    }
}

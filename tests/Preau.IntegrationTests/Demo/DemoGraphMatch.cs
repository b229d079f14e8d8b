using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Demo;

namespace Preau.IntegrationTests.Demo;

/// <summary>The seeded graph against the generator's: each generated account paired with the
/// server's account of the same person (a persona by its login, anyone else by profile and national
/// id), and every relation translated through that pairing, so that two graphs compare equal when
/// they hold the same people and relations whatever ids and generated logins the importer chose.</summary>
internal sealed class DemoGraphMatch
{
    public DemoGraphMatch(GraphData generated, GraphData seeded)
    {
        Generated = generated;
        Seeded = seeded;
        var personas = DemoSchool.Personas.Select(p => p.Login).ToHashSet(StringComparer.Ordinal);
        var seededByLogin = seeded.Accounts.ToDictionary(a => a.Login, StringComparer.Ordinal);
        var seededByNationalId = seeded.Accounts.Where(a => a.ExternalId is not null).ToLookup(a => (a.Profile, a.ExternalId));
        foreach (var account in generated.Accounts)
        {
            var match = personas.Contains(account.Login)
                ? seededByLogin.GetValueOrDefault(account.Login)
                : seededByNationalId[(account.Profile, account.ExternalId)].SingleOrDefault();
            if (match is null)
            {
                Missing.Add(account);
            }
            else
            {
                SeededId[account.Id] = match.Id;
                Pairs.Add((account, match));
            }
        }
    }

    public GraphData Generated { get; }

    public GraphData Seeded { get; }

    /// <summary>Generated account id → the seeded account's id.</summary>
    public Dictionary<string, string> SeededId { get; } = new(StringComparer.Ordinal);

    public List<(Account Generated, Account Seeded)> Pairs { get; } = [];

    /// <summary>Generated accounts with no seeded counterpart.</summary>
    public List<Account> Missing { get; } = [];

    /// <summary>What must be equal in a pair: names, profile, function, national id, UAI.</summary>
    public static object Identity(Account a) => (a.FirstName, a.LastName, a.DisplayName, a.Profile, a.Function, a.ExternalId, a.Uai);

    public IEnumerable<StructureMembership> Memberships => Generated.Memberships.Select(m => m with { PupilId = SeededId[m.PupilId] });

    public IEnumerable<ParentLink> ParentLinks => Generated.ParentLinks.Select(l => l with { ParentId = SeededId[l.ParentId], PupilId = SeededId[l.PupilId] });

    public IEnumerable<Teaching> Teachings => Generated.Teachings.Select(t => t with { TeacherId = SeededId[t.TeacherId] });

    public IEnumerable<RubriqueMembership> RubriqueMembers => Generated.RubriqueMembers.Select(m => m with { AccountId = SeededId[m.AccountId] });

    public static IEnumerable<(string, string, StructureKind, string?, string)> Structures(GraphData data) =>
        data.Structures.Select(s => (s.Code, s.Name, s.Kind, s.LevelCode, string.Join(",", s.ClassCodes))).OrderBy(s => s.Code, StringComparer.Ordinal);
}

using System.Globalization;
using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Demo;

/// <summary>The mutable state the generation steps share: one random source, the accounts and
/// relations made so far, and the indexes later steps need.</summary>
internal sealed class SchoolBuilder(Random random)
{
    private int _nextNumber;
    private int _nextIne;
    private int _nextResponsable;
    private int _nextSts;

    /// <summary>The single random source: every step draws from it in a fixed order.</summary>
    public Random Random { get; } = random;

    public LoginAllocator Logins { get; } = new();

    public List<Account> Accounts { get; } = [];

    public Dictionary<string, Account> ByLogin { get; } = new(StringComparer.Ordinal);

    /// <summary>Pupils of each class, in creation order.</summary>
    public Dictionary<string, List<Account>> PupilsByClass { get; } =
        DemoCatalog.ClassCodes.ToDictionary(c => c, _ => new List<Account>(), StringComparer.Ordinal);

    /// <summary>Generated teachers of each subject (personas not included).</summary>
    public Dictionary<string, List<Account>> TeachersBySubject { get; } = new(StringComparer.Ordinal);

    public List<StructureMembership> Memberships { get; } = [];

    public List<ParentLink> ParentLinks { get; } = [];

    public List<Teaching> Teachings { get; } = [];

    public List<Rubrique> Rubriques { get; } = [];

    public List<RubriqueMembership> RubriqueMembers { get; } = [];

    /// <summary>Logins of the personas, which random picks (clubs, groups) leave alone.</summary>
    public HashSet<string> PersonaLogins { get; } = new(StringComparer.Ordinal);

    public Account Persona(string login) => ByLogin[login];

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>Fisher–Yates shuffle of a copy.</summary>
    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>A synthetic INE: nine digits starting with 9 and the letters "DM" (démo).</summary>
    public string NextIne() => (900_000_000 + ++_nextIne).ToString(CultureInfo.InvariantCulture) + "DM";

    /// <summary>A synthetic SIECLE person id for a responsable.</summary>
    public string NextResponsableId() => "DEMO-RESP-" + (++_nextResponsable).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A synthetic STS individual id for a teacher or member of staff.</summary>
    public string NextStsId() => "DEMO-STS-" + (++_nextSts).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Adds a generated account: not activated, no password, login from the name.</summary>
    public Account AddPerson(string firstName, string lastName, Profile profile, StaffFunction function, string externalId)
    {
        var number = (++_nextNumber).ToString("D6", CultureInfo.InvariantCulture);
        return Add(new Account
        {
            Id = "acc-" + number,
            Login = Logins.Allocate(firstName, lastName),
            FirstName = firstName,
            LastName = lastName,
            DisplayName = $"{firstName} {lastName}",
            Profile = profile,
            Function = function,
            State = AccountState.NotActivated,
            PersonId = "person-" + number,
            ExternalId = externalId,
            Uai = DemoSchool.Uai,
        });
    }

    /// <summary>Adds a persona: fixed login and id, active, no password (the caller sets it).</summary>
    public Account AddPersona(
        string login, string firstName, string lastName, Profile profile, StaffFunction function,
        string? externalId, string? personId = null, string? displayName = null)
    {
        Logins.Reserve(login);
        PersonaLogins.Add(login);
        return Add(new Account
        {
            Id = "acc-" + login,
            Login = login,
            FirstName = firstName,
            LastName = lastName,
            DisplayName = displayName ?? $"{firstName} {lastName}",
            Profile = profile,
            Function = function,
            State = AccountState.Active,
            PersonId = personId ?? "person-" + login,
            ExternalId = externalId,
            Uai = DemoSchool.Uai,
        });
    }

    /// <summary>Puts a pupil in their class.</summary>
    public void Enrol(Account pupil, string classCode)
    {
        PupilsByClass[classCode].Add(pupil);
        Memberships.Add(new StructureMembership(pupil.Id, classCode));
    }

    public GraphData Build() => new()
    {
        Establishments = [DemoCatalog.Establishment],
        Accounts = [.. Accounts],
        Levels = DemoCatalog.Levels,
        Structures = [.. DemoCatalog.Classes, .. DemoCatalog.Groups],
        Subjects = DemoCatalog.Subjects,
        Rubriques = [.. Rubriques],
        Memberships = [.. Memberships],
        ParentLinks = [.. ParentLinks],
        Teachings = [.. Teachings],
        RubriqueMembers = [.. RubriqueMembers],
    };

    private Account Add(Account account)
    {
        Accounts.Add(account);
        ByLogin.Add(account.Login, account);
        return account;
    }
}

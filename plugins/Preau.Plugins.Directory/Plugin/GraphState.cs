using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using G = Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin;

/// <summary>The server's graph (the contract's records) as the planner's <see cref="DirectoryState"/>,
/// and the planner's records back as the contract's. Enums correspond by name.</summary>
internal static class GraphState
{
    /// <summary>The directory state an import plans against.</summary>
    public static DirectoryState ToState(G.GraphSnapshot graph, string? uai) => new()
    {
        Uai = uai,
        Accounts = graph.Accounts.Select(ToPlanner).ToArray(),
        Levels = graph.Levels.Select(l => new LevelRecord(l.Code, l.Name, l.Order)).ToArray(),
        Subjects = graph.Subjects.Select(s => new SubjectRecord(s.Code, s.Name)).ToArray(),
        Structures = graph.Structures.Select(s => new StructureRecord(
            s.Code, s.Name, s.Type == G.StructureType.Class ? StructureType.Class : StructureType.Group, s.LevelCode, s.ClassCodes ?? [])).ToArray(),
        Memberships = graph.Memberships.Select(m => new MembershipRecord(m.PupilId, m.StructureCode)).ToArray(),
        ParentLinks = graph.ParentLinks.Select(l => new ParentLinkRecord(l.ParentId, l.PupilId, l.LegalLevel)).ToArray(),
        Teachings = graph.Teachings.Select(t => new TeachingRecord(t.TeacherId, t.SubjectCode ?? "", t.StructureCode, t.ProfPrincipal)).ToArray(),
    };

    /// <summary>A contract account as the planner sees it. The contract never shows passwords: an
    /// active account is taken to have one (only activation sets a password).</summary>
    public static AccountRecord ToPlanner(G.AccountRecord a) => new()
    {
        Id = a.Id,
        Login = a.Login,
        Kind = Map<G.AccountProfile, PersonKind>(a.Profile),
        Role = Map<G.AccountFunction, StaffRole>(a.Function),
        Status = Map<G.AccountStatus, AccountStatus>(a.Status),
        FirstName = a.FirstName,
        LastName = a.LastName,
        DisplayName = a.DisplayName,
        ExternalId = a.ExternalId,
        Uai = a.Uai,
        HasPassword = a.Status is G.AccountStatus.Active,
    };

    /// <summary>The planner's account written over <paramref name="existing"/> (keeping its person id).</summary>
    public static G.AccountRecord ToContract(AccountRecord a, G.AccountRecord? existing) => new()
    {
        Id = a.Id,
        Login = a.Login,
        FirstName = a.FirstName,
        LastName = a.LastName,
        DisplayName = a.DisplayName,
        Profile = Map<PersonKind, G.AccountProfile>(a.Kind),
        Function = Map<StaffRole, G.AccountFunction>(a.Role),
        Status = Map<AccountStatus, G.AccountStatus>(a.Status),
        PersonId = existing?.PersonId,
        ExternalId = a.ExternalId,
        Uai = a.Uai,
    };

    public static G.StructureRecord ToContract(StructureRecord s) =>
        new(s.Code, s.Name, s.Type == StructureType.Class ? G.StructureType.Class : G.StructureType.Group, s.LevelCode, s.ClassCodes);

    public static TTo Map<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        Enum.TryParse<TTo>(value.ToString(), out var mapped) ? mapped : throw new ArgumentOutOfRangeException(nameof(value), value, $"no {typeof(TTo).Name} for {value}");
}

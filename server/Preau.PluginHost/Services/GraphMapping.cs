using Preau.Core.Accounts;
using Preau.Core.Graph;
using Preau.Plugins.Graph;

namespace Preau.PluginHost.Services;

/// <summary>Core records to and from the contract's records. Enums correspond by name.</summary>
internal static class GraphMapping
{
    public static AccountRecord ToRecord(this Account a) => new()
    {
        Id = a.Id,
        Login = a.Login,
        FirstName = a.FirstName,
        LastName = a.LastName,
        DisplayName = a.DisplayName,
        Profile = Map<Profile, AccountProfile>(a.Profile),
        Function = Map<StaffFunction, AccountFunction>(a.Function),
        Status = Map<AccountState, AccountStatus>(a.State),
        PersonId = a.PersonId,
        ExternalId = a.ExternalId,
        Uai = a.Uai,
    };

    /// <summary>A new Core account from a record; password, notification address and own quota come from <paramref name="existing"/>.</summary>
    public static Account ToCore(this AccountRecord r, Account? existing, AccountState state) => new()
    {
        Id = r.Id,
        Login = r.Login.Trim().ToLowerInvariant(),
        FirstName = r.FirstName,
        LastName = r.LastName,
        DisplayName = r.DisplayName,
        Profile = Map<AccountProfile, Profile>(r.Profile),
        Function = Map<AccountFunction, StaffFunction>(r.Function),
        State = state,
        PasswordHash = existing?.PasswordHash,
        NotificationAddress = existing?.NotificationAddress,
        QuotaBytes = existing?.QuotaBytes,
        PersonId = r.PersonId,
        ExternalId = r.ExternalId,
        Uai = r.Uai,
    };

    public static Profile ToCore(this AccountProfile p) => Map<AccountProfile, Profile>(p);

    public static StaffFunction ToCore(this AccountFunction f) => Map<AccountFunction, StaffFunction>(f);

    public static AccountState ToCore(this AccountStatus s) => Map<AccountStatus, AccountState>(s);

    public static StructureRecord ToRecord(this Structure s) =>
        new(s.Code, s.Name, s.Kind == StructureKind.Class ? StructureType.Class : StructureType.Group, s.LevelCode, s.ClassCodes);

    public static Structure ToCore(this StructureRecord s) =>
        new(s.Code, s.Name, s.Type == StructureType.Class ? StructureKind.Class : StructureKind.Group, s.LevelCode, s.ClassCodes ?? []);

    public static EstablishmentRecord ToRecord(this Establishment e) => new(e.Uai, e.Name);

    public static LevelRecord ToRecord(this Level l) => new(l.Code, l.Name, l.Order);

    public static SubjectRecord ToRecord(this Subject s) => new(s.Code, s.Name);

    public static RubriqueRecord ToRecord(this Rubrique r) => new(r.Id, r.Name, r.DiffusionList);

    public static TeachingRecord ToRecord(this Teaching t) => new(t.TeacherId, t.SubjectCode, t.StructureCode, t.ProfPrincipal);

    public static ParentLinkRecord ToRecord(this ParentLink l) => new(l.ParentId, l.PupilId, l.LegalLevel);

    private static TTo Map<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        Enum.TryParse<TTo>(value.ToString(), out var mapped) ? mapped : throw new ArgumentOutOfRangeException(nameof(value), value, $"no {typeof(TTo).Name} for {value}");
}

namespace Preau.Core.Accounts;

/// <summary>A mailbox owner. Immutable: changes produce a new record that the store saves.</summary>
/// <remarks>
/// <see cref="Id"/> never changes; <see cref="Login"/> may (a renamed pupil), and the address is
/// always <c>login@domain</c>. <see cref="PersonId"/> links the accounts of one person (the head
/// teacher's publication and administrator identities).
/// </remarks>
public sealed record Account
{
    /// <summary>Stable identifier, never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Lower-case login, the local part of the address.</summary>
    public required string Login { get; init; }

    /// <summary>First name (prénom).</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Family name (nom).</summary>
    public string LastName { get; init; } = "";

    /// <summary>Name shown in headers and the directory.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The ENT profile.</summary>
    public required Profile Profile { get; init; }

    /// <summary>The staff function, <see cref="StaffFunction.None"/> for non-staff.</summary>
    public StaffFunction Function { get; init; }

    /// <summary>Life-cycle state.</summary>
    public AccountState State { get; init; } = AccountState.Active;

    /// <summary>PHC-format password hash, or null when the account has no password yet.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>Outside address told about new internal mail, if the user set one.</summary>
    public string? NotificationAddress { get; init; }

    /// <summary>Identifier of the person holding this account; shared by a person's identities.</summary>
    public string? PersonId { get; init; }

    /// <summary>National identifier from the feed (INE, STS id, SIECLE person id), if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>UAI of the establishment the account belongs to.</summary>
    public required string Uai { get; init; }

    /// <summary>The account's own storage quota in octets, set by an administrator; null: its
    /// profile's default (<c>Mail:Quota</c>); 0: no limit.</summary>
    public long? QuotaBytes { get; init; }

    /// <summary>Whether the account may log in (and therefore send).</summary>
    public bool CanLogIn => State == AccountState.Active && PasswordHash is not null;

    /// <summary>Whether mail addressed to the account is accepted.</summary>
    public bool CanReceive => State is AccountState.Active or AccountState.NotActivated;

    /// <summary>Whether the account is a member of staff in the wide sense (teachers included).</summary>
    public bool IsStaff => Profile is Profile.Enseignant or Profile.Personnel or Profile.AdministrateurEnt;
}

using Preau.Core.Accounts;

namespace Preau.Core.Directory;

/// <summary>An administrator's search among accounts; every criterion given must match.</summary>
/// <param name="Text">Part of the login, first name, last name or display name (accents and case ignored).</param>
/// <param name="Profile">Only this profile.</param>
/// <param name="State">Only this state.</param>
/// <param name="ClassCode">Only pupils of this class or group, their parents and its teachers.</param>
/// <param name="Offset">Rows to skip.</param>
/// <param name="Limit">Rows to return.</param>
public sealed record AccountQuery(
    string? Text = null,
    Profile? Profile = null,
    AccountState? State = null,
    string? ClassCode = null,
    int Offset = 0,
    int Limit = 50);

/// <summary>One account in a search result.</summary>
/// <param name="Account">The account.</param>
/// <param name="Classes">Its classes and groups: a pupil's own, a teacher's taught ones, a parent's children's.</param>
public sealed record AccountRow(Account Account, IReadOnlyList<string> Classes);

/// <summary>A page of search results.</summary>
/// <param name="Total">Accounts matching, all pages together.</param>
/// <param name="Items">This page, by last name, first name, login.</param>
public sealed record AccountPage(int Total, IReadOnlyList<AccountRow> Items);

/// <summary>An account an administrator creates by hand.</summary>
/// <param name="Login">The login wanted, or null to derive <c>prenom.nom</c> from the names.</param>
/// <param name="FirstName">Prénom.</param>
/// <param name="LastName">Nom.</param>
/// <param name="Profile">Profile.</param>
/// <param name="Function">Staff function; <see cref="StaffFunction.None"/> for pupils and parents.</param>
public sealed record NewAccount(string? Login, string FirstName, string LastName, Profile Profile, StaffFunction Function = StaffFunction.None);

/// <summary>A created account and its initial password, shown once and never stored in clear.</summary>
/// <param name="Account">The account, active.</param>
/// <param name="InitialPassword">The password to hand to its owner.</param>
public sealed record CreatedAccount(Account Account, string InitialPassword);

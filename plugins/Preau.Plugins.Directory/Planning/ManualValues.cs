using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Values an administrator set by hand in the annuaire for one account: an import keeps them
/// over the feed's (each field given here wins; null fields follow the feed) and reports where the
/// files now say otherwise.</summary>
/// <param name="FirstName">The first name kept, or null.</param>
/// <param name="LastName">The last name kept, or null.</param>
/// <param name="DisplayName">The display name kept, or null (then it follows the names).</param>
/// <param name="Role">The staff function kept, or null.</param>
public sealed record ManualValues(string? FirstName = null, string? LastName = null, string? DisplayName = null, StaffRole? Role = null);

using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Codes;

/// <summary>One line of an activation sheet: who, which login, which code.</summary>
/// <param name="Sheet">The sheet it goes on: the class code, « Personnels », or « Sans classe ».</param>
/// <param name="Kind">Profile.</param>
/// <param name="LastName">Nom.</param>
/// <param name="FirstName">Prénom.</param>
/// <param name="Login">The login (the address is login@domain).</param>
/// <param name="Code">The activation code.</param>
/// <param name="ChildName">For a responsable, the pupil of this class they are linked to.</param>
public sealed record ActivationEntry(
    string Sheet, PersonKind Kind, string LastName, string FirstName, string Login, string Code, string? ChildName);

/// <summary>The activation codes of one import, grouped in sheets for distribution: one per class
/// (its new pupils and their new responsables), one for staff.</summary>
/// <param name="Entries">Every line, by sheet, then pupils before responsables, then by name.</param>
public sealed record ActivationSheet(IReadOnlyList<ActivationEntry> Entries)
{
    /// <summary>The sheet of new staff accounts.</summary>
    public const string StaffSheet = "Personnels";

    /// <summary>The sheet of pupils without a class and their responsables.</summary>
    public const string UnplacedSheet = "Sans classe";

    /// <summary>No code.</summary>
    public static ActivationSheet Empty { get; } = new([]);

    /// <summary>The sheets, in order, each with its lines.</summary>
    public IEnumerable<IGrouping<string, ActivationEntry>> Sheets => Entries.GroupBy(e => e.Sheet, StringComparer.Ordinal);
}

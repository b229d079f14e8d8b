using Preau.Imap.Protocol.Syntax;

namespace Preau.Imap.Protocol.Commands;

/// <summary><c>SELECT</c> and <c>EXAMINE</c> open a mailbox read-write or read-only (RFC 9051 §6.3.2, §6.3.3).</summary>
/// <param name="Tag">The client's tag.</param>
/// <param name="Mailbox">The mailbox name, decoded.</param>
/// <param name="ReadOnly">True for EXAMINE.</param>
/// <param name="Parameters">CONDSTORE / QRESYNC parameters.</param>
/// <remarks>
/// <code>
/// select          = "SELECT" SP mailbox [select-params]
/// examine         = "EXAMINE" SP mailbox [select-params]
/// select-params   = SP "(" select-param *(SP select-param) ")"         ; RFC 4466
/// select-param    = "CONDSTORE"                                         ; RFC 7162
///                 / "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"
/// known-uids      = sequence-set                                        ; "*" is not allowed
/// seq-match-data  = "(" known-sequence-set SP known-uid-set ")"
/// </code>
/// Whether QRESYNC was enabled first (RFC 7162 §3.2.3: otherwise BAD) is the session's check.
/// </remarks>
public sealed record SelectCommand(string Tag, string Mailbox, bool ReadOnly, SelectParameters Parameters) : ImapCommand(Tag)
{
    /// <inheritdoc />
    public override string Name => ReadOnly ? "EXAMINE" : "SELECT";

    internal static SelectCommand Parse(ArgumentReader args, bool readOnly)
    {
        var mailbox = args.Mailbox();
        var parameters = SelectParameters.None;
        if (!args.AtEnd)
        {
            var list = args.List("select parameters");
            if (list.AtEnd)
            {
                throw args.Bad("empty select parameter list");
            }

            while (!list.AtEnd)
            {
                var name = list.Keyword("select parameter");
                parameters = name switch
                {
                    "CONDSTORE" when !parameters.CondStore => parameters with { CondStore = true },
                    "QRESYNC" when parameters.QResync is null => new SelectParameters(true, ParseQResync(list.List("QRESYNC parameters"), args)),
                    "CONDSTORE" or "QRESYNC" => throw args.Bad($"{name} given twice"),
                    _ => throw args.Bad($"unknown select parameter {name}"),
                };
            }
        }

        args.End();
        return new SelectCommand(args.Tag, mailbox, readOnly, parameters);
    }

    private static QResyncParameters ParseQResync(ArgumentReader list, ArgumentReader args)
    {
        var uidValidity = list.NzNumber("UIDVALIDITY");
        var modSeq = list.ModSeq("mod-sequence");
        SequenceSet? knownUids = null;
        SequenceSet? knownSequence = null;
        SequenceSet? knownSequenceUids = null;
        if (!list.AtEnd && !list.PeekIsList)
        {
            knownUids = NoStar(list.SequenceSet("known UIDs"), args);
        }

        if (!list.AtEnd)
        {
            var match = list.List("sequence match data");
            knownSequence = NoStar(match.SequenceSet("known sequence set"), args);
            knownSequenceUids = NoStar(match.SequenceSet("known UID set"), args);
            match.End();
        }

        list.End();
        return new QResyncParameters(uidValidity, modSeq, knownUids, knownSequence, knownSequenceUids);
    }

    private static SequenceSet NoStar(SequenceSet set, ArgumentReader args) =>
        set.UsesStar || set.IncludesSavedResult ? throw args.Bad("QRESYNC sets may not use '*' or '$'") : set;
}

using DisclosurePortal.Core.Tables;

namespace DisclosurePortal.Core.Companies;

/// <summary>One person to write to at a company.</summary>
public sealed record CompanyContactRow(string? Name, string Email);

/// <summary>A company as a row of the list gave it; <see cref="NameKey"/> is <see cref="CompanyNames.Key"/> of its name.</summary>
public sealed record CompanyRow(int Line, string Name, string NameKey, string? LegalEntity, string? Country, IReadOnlyList<CompanyContactRow> Contacts);

/// <summary>A data row as read: accepted with its <see cref="Company"/>, or rejected with the reason (and the name it gave, if any).</summary>
public sealed record CompanyFileRow(int Line, CompanyRow? Company, string? RejectionReason, string? Name = null)
{
    public bool Accepted => Company is not null;

    public static CompanyFileRow Reject(int line, string reason, string? name = null) => new(line, null, reason, name);
}

/// <summary>What a company list held: how it was read, which header gave which field, and every data row.</summary>
public sealed record CompanyFileContents(string Format, IReadOnlyDictionary<CompanyField, IReadOnlyList<string>> Columns, IReadOnlyList<CompanyFileRow> Rows);

/// <summary>The whole company list was refused (empty, not a table, a needed column missing, too many rows).</summary>
public sealed class CompanyFileException(string message) : Exception(message);

/// <summary>
/// Reads the list of recipient companies an admin uploads: CSV/TSV (delimiter and encoding detected) or an Excel
/// workbook, through the same table reading as catalog files. Each data row is one company: name, legal entity,
/// country, contact name(s) and one or more e-mail addresses (several in a cell separated by ';' or ',', or in
/// several e-mail columns). Every row comes back accepted or rejected with its line and reason; a company or an
/// address that an earlier row of the file already has is rejected as a duplicate.
/// </summary>
public static class CompanyFileReader
{
    public const int MaxRows = 20_000;
    public const int MaxContacts = 20;
    public const int MaxLegalEntityLength = 300;
    public const int MaxCountryLength = 100;
    public const int MaxContactNameLength = 200;

    private static readonly TableFileSubject Subject = new("company list", message => new CompanyFileException(message));
    private static readonly char[] AddressSeparators = [';', ',', '\n', '\r'];
    private static readonly char[] NameSeparators = [';', '\n', '\r'];

    /// <param name="stream">Seekable (the head is sniffed first); left open.</param>
    public static CompanyFileContents Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The company list stream must be seekable.", nameof(stream));
        }

        using var table = TableFile.Open(stream, Subject);
        var headers = table.Headers;
        var mapping = CompanyColumns.Map(headers);
        if (!mapping.ContainsKey(CompanyField.Name) || !mapping.ContainsKey(CompanyField.Email))
        {
            var missing = string.Join(" and ", new[] { (CompanyField.Name, "the company's name"), (CompanyField.Email, "its e-mail addresses") }
                .Where(f => !mapping.ContainsKey(f.Item1)).Select(f => f.Item2));
            throw new CompanyFileException(
                $"A company list needs a column for {missing} (for example 'Company', 'Legal entity', 'Country', 'Contact', 'Email'). " +
                $"Columns found: {string.Join(", ", headers.Select(h => $"'{h}'"))}.");
        }

        var rows = new List<CompanyFileRow>();
        var rules = new RowRules(mapping);
        foreach (var row in table.Rows())
        {
            if (rows.Count == MaxRows)
            {
                throw new CompanyFileException($"The file has more than {MaxRows:N0} companies. Split it and import the parts one after the other.");
            }

            rows.Add(row.Problem is { } problem ? CompanyFileRow.Reject(row.Line, problem) : rules.Validate(row));
        }

        if (rows.Count == 0)
        {
            throw new CompanyFileException("The file has a header but no companies.");
        }

        var columns = mapping.ToDictionary(m => m.Key, m => (IReadOnlyList<string>)m.Value.Select(i => headers[i]).ToList());
        return new CompanyFileContents(table.Format, columns, rows);
    }

    /// <summary>The checks of one row, and what the accepted rows before it hold, for duplicates within the file.</summary>
    private sealed class RowRules(Dictionary<CompanyField, List<int>> mapping)
    {
        private readonly Dictionary<string, (int Line, string Name)> names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> addresses = new(StringComparer.Ordinal);

        public CompanyFileRow Validate(TableFileRow row)
        {
            string? Cell(CompanyField field) =>
                mapping.TryGetValue(field, out var columns) && columns[0] < row.Cells.Count && row.Cells[columns[0]].Trim() is { Length: > 0 } text ? text : null;

            var line = row.Line;
            var name = Cell(CompanyField.Name);
            if (name is null)
            {
                return CompanyFileRow.Reject(line, "no company name");
            }

            var tooLong = Longer(name, CompanyNames.MaxLength, "the company name")
                ?? Longer(Cell(CompanyField.LegalEntity), MaxLegalEntityLength, "the legal entity")
                ?? Longer(Cell(CompanyField.Country), MaxCountryLength, "the country");
            if (tooLong is not null)
            {
                return CompanyFileRow.Reject(line, tooLong, name.Length <= CompanyNames.MaxLength ? name : name[..80] + "…");
            }

            var key = CompanyNames.Key(name);
            if (key.Length == 0)
            {
                return CompanyFileRow.Reject(line, $"the company name '{name}' has no letters or digits", name);
            }

            var (contacts, contactProblem) = Contacts(row, Cell(CompanyField.ContactName));
            if (contactProblem is not null)
            {
                return CompanyFileRow.Reject(line, contactProblem, name);
            }

            if (names.TryGetValue(key, out var earlier))
            {
                return CompanyFileRow.Reject(line, $"the same company as line {earlier.Line} ('{earlier.Name}'): give each company one row, with all its e-mail addresses in it", name);
            }

            if (contacts.FirstOrDefault(c => addresses.ContainsKey(c.Email)) is { } shared)
            {
                return CompanyFileRow.Reject(line, $"the e-mail address {shared.Email} is already on line {addresses[shared.Email]}", name);
            }

            names[key] = (line, name);
            foreach (var contact in contacts)
            {
                addresses[contact.Email] = line;
            }

            return new CompanyFileRow(line, new CompanyRow(line, name, key, Cell(CompanyField.LegalEntity), Cell(CompanyField.Country), contacts), null);
        }

        /// <summary>The row's addresses (from every e-mail column, in order, each once) paired with its contact names by position.</summary>
        private (List<CompanyContactRow> Contacts, string? Problem) Contacts(TableFileRow row, string? contactNames)
        {
            var parsed = new List<(string Email, string? DisplayName)>();
            foreach (var column in mapping[CompanyField.Email].Where(c => c < row.Cells.Count))
            {
                foreach (var part in row.Cells[column].Split(AddressSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // "a@x.com b@y.com" is two addresses; "Jane Doe <jane@x.com>" is one.
                    var pieces = part.Contains('<', StringComparison.Ordinal) ? [part] : part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    foreach (var piece in pieces)
                    {
                        if (!ContactEmail.TryParse(piece, out var address, out var reason))
                        {
                            return ([], reason);
                        }

                        if (parsed.All(p => p.Email != address))
                        {
                            parsed.Add((address, DisplayName(piece)));
                        }
                    }
                }
            }

            if (parsed.Count == 0)
            {
                return ([], "no e-mail address");
            }

            if (parsed.Count > MaxContacts)
            {
                return ([], $"more than {MaxContacts} e-mail addresses");
            }

            var names = contactNames?.Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (names.FirstOrDefault(n => n.Length > MaxContactNameLength) is { } longName)
            {
                return ([], $"the contact name '{longName[..40]}…' is longer than {MaxContactNameLength} characters");
            }

            return (parsed.Select((p, i) => new CompanyContactRow(i < names.Length ? names[i] : p.DisplayName, p.Email)).ToList(), null);
        }

        private static string? DisplayName(string piece)
        {
            var open = piece.IndexOf('<', StringComparison.Ordinal);
            var name = open > 0 ? piece[..open].Trim().Trim('"').Trim() : string.Empty;
            return name.Length is > 0 and <= MaxContactNameLength ? name : null;
        }

        private static string? Longer(string? text, int limit, string what) =>
            text is not null && text.Length > limit ? $"{what} is longer than {limit} characters" : null;
    }
}

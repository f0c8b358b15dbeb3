-- Who may see a record that can be non-public: everyone, signed-in users of its body, or named roles only.
-- Modules give such records a column of this type; public pages, feeds and the public API show only 'public'.
CREATE DOMAIN visibility AS text CHECK (VALUE IN ('public', 'restricted', 'confidential'));

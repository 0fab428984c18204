"""stewardship"""

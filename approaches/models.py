"""Approach pages and the clinicians who practise them (to come)."""

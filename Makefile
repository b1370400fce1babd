# Everyday tasks. `swift build` and `swift test` are all a fresh clone needs.

.PHONY: build test goldens

build:
	swift build

test:
	swift test

# Rewrites Tests/Goldens from the current build; review `git diff Tests/Goldens` and say in the
# commit why the reports moved.
goldens:
	DPIA_UPDATE_GOLDENS=1 swift test --filter Golden

# {{ "text" | shout }}: the text in capitals with an exclamation mark
module Quayside
  module ShoutFilter
    def shout(input)
      "#{input.upcase}!"
    end
  end
end

Liquid::Template.register_filter(Quayside::ShoutFilter)

# Renders the station's current schedule slot: {% on_air "Morning Tide" %}
module Quayside
  class OnAirTag < Liquid::Tag
    def initialize(tag_name, show, tokens)
      super
      @show = show.strip.delete('"')
    end

    def render(context)
      %(<span class="on-air">On air: #{@show}</span>)
    end
  end

  # {% pullquote %}…{% endpullquote %}: a quote set apart from the text
  class PullquoteBlock < Liquid::Block
    def render(context)
      %(<aside class="pullquote">#{super}</aside>)
    end
  end
end

Liquid::Template.register_tag("on_air", Quayside::OnAirTag)
Liquid::Template.register_tag("pullquote", Quayside::PullquoteBlock)
